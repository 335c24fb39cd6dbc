using System.Globalization;

namespace Rapport.Domain;

/// <summary>How a person reads dates and times: the order of a date, and a 12- or 24-hour clock. The month is
/// written as a word where the order allows ("6 Dec 2026", "Dec 6, 2026"), so no date can be misread across the
/// Atlantic. Machine formats (ISO in &lt;time datetime&gt;, iCalendar, CSV columns) never go through it.</summary>
public sealed record DateStyle(DateOrder Order, bool TwentyFourHour)
{
    public static readonly DateStyle Default = new(DateOrder.DayMonthYear, true);

    public string Date(DateTime local) => local.ToString(Order switch
    {
        DateOrder.MonthDayYear => "MMM d, yyyy",
        DateOrder.YearMonthDay => "yyyy-MM-dd",
        _ => "d MMM yyyy",
    }, CultureInfo.InvariantCulture);

    public string Date(DateOnly day) => Date(day.ToDateTime(TimeOnly.MinValue));

    public string Time(DateTime local) => local.ToString(TwentyFourHour ? "HH:mm" : "h:mm tt", CultureInfo.InvariantCulture);

    public string Time(TimeOnly time) => Time(DateOnly.MinValue.ToDateTime(time));

    public string DateAndTime(DateTime local) => Date(local) + ", " + Time(local);

    /// <summary>With the weekday and the month in full, for a heading: "Sunday 6 December 2026".</summary>
    public string LongDate(DateTime local) => local.ToString(Order switch
    {
        DateOrder.MonthDayYear => "dddd, MMMM d, yyyy",
        DateOrder.YearMonthDay => "dddd yyyy-MM-dd",
        _ => "dddd d MMMM yyyy",
    }, CultureInfo.InvariantCulture);

    /// <summary>The style of the browser's first language (an Accept-Language header): what a person sees
    /// until they choose in their settings.</summary>
    public static DateStyle FromLanguages(string? acceptLanguage)
    {
        var first = (acceptLanguage ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split(';')[0].Trim())
            .FirstOrDefault(tag => tag.Length is > 0 and <= 35 && tag != "*");
        if (first is null) return Default;
        DateTimeFormatInfo format;
        try { format = CultureInfo.GetCultureInfo(first).DateTimeFormat; }
        catch (CultureNotFoundException) { return Default; }
        var pattern = format.ShortDatePattern.TrimStart();
        var order = pattern.StartsWith('y') ? DateOrder.YearMonthDay : pattern.StartsWith('M') ? DateOrder.MonthDayYear : DateOrder.DayMonthYear;
        return new DateStyle(order, !format.ShortTimePattern.Contains('h'));
    }

    /// <summary>A short text for a sign-in claim, read back by <see cref="Parse"/>.</summary>
    public string Key => $"{(int)Order}-{(TwentyFourHour ? 24 : 12)}";

    public static DateStyle Parse(string? key) =>
        key is { Length: 4 } && int.TryParse(key[..1], out var order) && Enum.IsDefined((DateOrder)order) && key[2..] is "24" or "12"
            ? new DateStyle((DateOrder)order, key[2..] == "24")
            : Default;
}

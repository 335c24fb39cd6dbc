namespace Rapport.Domain;

/// <summary>The years a date the person gives may fall in. Far enough for any real meeting or task; near
/// enough that adding a length or a time zone to it never runs off the calendar (year 9999 did).</summary>
public static class YearRange
{
    public const int First = 1900;
    public const int Last = 2200;
    public static readonly string Message = $"Choose a date between {First} and {Last}.";

    public static bool Holds(DateTime? value) => value is not DateTime date || date.Year is >= First and <= Last;

    public static bool Holds(DateOnly? value) => value is not DateOnly date || date.Year is >= First and <= Last;
}

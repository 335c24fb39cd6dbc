using System.Globalization;
using System.Text;

namespace Rapport.Formats.ICalendar;

/// <summary>Formats values for iCalendar content lines (RFC 5545 section 3.3).</summary>
internal static class ICalendarText
{
    /// <summary>Escapes a TEXT value: backslash, ';' and ',' get a backslash; CR, LF and CRLF all become \n;
    /// other control characters except tab are dropped, so no value can start a line of its own.
    /// A lone surrogate becomes U+FFFD, as a UTF-8 encoder would write it anyway.</summary>
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var text = new StringBuilder(value.Length + 16);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\': text.Append(@"\\"); break;
                case ';': text.Append(@"\;"); break;
                case ',': text.Append(@"\,"); break;
                case '\n': text.Append(@"\n"); break;
                case '\r':
                    text.Append(@"\n");
                    if (i + 1 < value.Length && value[i + 1] == '\n') i++;
                    break;
                case '\t': text.Append(c); break; // RFC 5545 allows HTAB in TEXT
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        text.Append(c).Append(value[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        text.Append('\uFFFD');
                    }
                    else if (!char.IsControl(c))
                    {
                        text.Append(c);
                    }
                    break;
            }
        }
        return text.ToString();
    }

    /// <summary>DATE-TIME in UTC form: 20260315T090000Z.</summary>
    public static string Utc(DateTime utc) => Local(utc) + "Z";

    /// <summary>DATE-TIME without zone designator, for TZID values and VTIMEZONE onsets: 20260315T100000.</summary>
    public static string Local(DateTime time) => time.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    /// <summary>UTC-OFFSET: +0100, -0930, +054528 (seconds only when there are any); zero is +0000, since
    /// RFC 5545 forbids -0000.</summary>
    public static string Offset(TimeSpan offset)
    {
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        var text = string.Create(CultureInfo.InvariantCulture, $"{sign}{(int)abs.TotalHours:00}{abs.Minutes:00}");
        return abs.Seconds == 0 ? text : string.Create(CultureInfo.InvariantCulture, $"{text}{abs.Seconds:00}");
    }
}

using System.Globalization;

namespace Rapport.Formats.LinkedIn;

/// <summary>Reads LinkedIn's messages.csv: <c>CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT
/// PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER</c>, "DATE" like "2025-12-01 09:10:00 UTC". A group thread lists several
/// recipient URLs in one cell, separated by commas.</summary>
public static class MessagesCsv
{
    public const string FileName = "messages.csv";

    /// <summary>LinkedIn lets a message hold 8,000 characters; a longer cell is not a message.</summary>
    public const int MaxContentLength = 10_000;

    private static readonly string[] Columns =
        ["CONVERSATION ID", "FROM", "SENDER PROFILE URL", "TO", "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER"];
    private static readonly string[] DateFormats = ["yyyy-MM-dd HH:mm:ss 'UTC'", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm 'UTC'", "yyyy-MM-dd'T'HH:mm:ss'Z'"];

    /// <summary>The messages, or null with a problem that names the line or column.</summary>
    public static IReadOnlyList<LinkedInMessage>? Parse(string text, out string? problem)
    {
        var rows = HistoryTable.Read(text, FileName, Columns, MaxContentLength, out problem);
        if (rows is null) return null;
        var messages = new List<LinkedInMessage>(rows.Count);
        // The same few addresses come back in every message (the person's own is in each): each spelling is read once.
        var urls = new Dictionary<string, string?>(StringComparer.Ordinal);
        string? Url(string raw)
        {
            if (!urls.TryGetValue(raw, out var url)) urls[raw] = url = LinkedInProfileUrl.Normalize(raw);
            return url;
        }
        foreach (var row in rows)
        {
            var c = row.Cells;
            if (!TryParseDate(c[5], out var sent))
            {
                problem = $"{FileName}, line {row.Line}: 'DATE' is not a date (“{InvitationsCsv.Excerpt(c[5])}”).";
                return null;
            }
            var recipients = c[4].Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries)
                .Select(Url).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            messages.Add(new LinkedInMessage(row.Line, c[0], c[1], Url(c[2]), c[3], recipients, sent,
                c[6].Length == 0 ? null : c[6], c[7], c[8]));
        }
        return messages;
    }

    public static bool TryParseDate(string value, out DateTime utc)
    {
        var ok = DateTime.TryParseExact(value.Trim(), DateFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out utc);
        return ok && utc.Year >= 2000 && utc.Year <= 2100;
    }
}

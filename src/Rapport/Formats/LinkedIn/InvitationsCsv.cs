using System.Globalization;

namespace Rapport.Formats.LinkedIn;

/// <summary>Reads LinkedIn's Invitations.csv: <c>From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl</c>,
/// "Sent At" like "12/1/25, 9:05 AM" (taken as UTC, as the rest of the export is).</summary>
public static class InvitationsCsv
{
    public const string FileName = "Invitations.csv";
    public const int MaxMessageLength = 10_000;

    private static readonly string[] Columns = ["From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl", "inviteeProfileUrl"];
    private static readonly string[] DateFormats = ["M/d/yy, h:mm tt", "M/d/yyyy, h:mm tt", "M/d/yy, H:mm", "M/d/yy h:mm tt", "yyyy-MM-dd HH:mm:ss"];

    /// <summary>The invitations, or null with a problem that names the line or column.</summary>
    public static IReadOnlyList<LinkedInInvitation>? Parse(string text, out string? problem)
    {
        var rows = HistoryTable.Read(text, FileName, Columns, MaxMessageLength, out problem);
        if (rows is null) return null;
        var invitations = new List<LinkedInInvitation>(rows.Count);
        foreach (var row in rows)
        {
            var c = row.Cells;
            var direction = c[4].ToUpperInvariant();
            if (direction is not ("OUTGOING" or "INCOMING"))
                return Fail($"{FileName}, line {row.Line}: 'Direction' is “{Excerpt(c[4])}”, not OUTGOING or INCOMING.", out problem);
            if (!TryParseDate(c[2], out var sent))
                return Fail($"{FileName}, line {row.Line}: 'Sent At' is not a date (“{Excerpt(c[2])}”).", out problem);
            invitations.Add(new LinkedInInvitation(row.Line, c[0], c[1], sent, c[3].Length == 0 ? null : c[3],
                direction == "OUTGOING", LinkedInProfileUrl.Normalize(c[5]), LinkedInProfileUrl.Normalize(c[6])));
        }
        return invitations;
    }

    public static bool TryParseDate(string value, out DateTime utc)
    {
        // Some exports put a narrow no-break space before AM/PM, as .NET's own en-US format does.
        var text = value.Replace('\u202F', ' ').Replace('\u00A0', ' ').Trim();
        var ok = DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out utc);
        return ok && utc.Year >= 2000 && utc.Year <= 2100;
    }

    internal static string Excerpt(string value) => value.Length <= 40 ? value : value[..40] + "…";

    private static IReadOnlyList<LinkedInInvitation>? Fail(string message, out string? problem)
    {
        problem = message;
        return null;
    }
}

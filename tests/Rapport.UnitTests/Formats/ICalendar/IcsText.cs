namespace Rapport.UnitTests.Formats.ICalendar;

/// <summary>Reads written iCalendar text back just enough for assertions: unfolding, properties, VTIMEZONE blocks.</summary>
internal static class IcsText
{
    public static readonly DateTime Stamp = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>The logical lines: CRLF followed by a space joins the next physical line.</summary>
    public static List<string> Unfold(string ics)
    {
        Assert.EndsWith("\r\n", ics);
        return ics[..^2].Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n").ToList();
    }

    /// <summary>The value of the only line whose name and parameters are <paramref name="head"/> ("SUMMARY", "DTSTART;TZID=UTC").</summary>
    public static string Value(IEnumerable<string> lines, string head) =>
        Assert.Single(lines, l => l.StartsWith(head + ":", StringComparison.Ordinal))[(head.Length + 1)..];

    /// <summary>The STANDARD and DAYLIGHT blocks of the VTIMEZONE for <paramref name="tzid"/>, each as
    /// "KIND DTSTART FROM TO NAME", e.g. "DAYLIGHT 20260308T020000 -0500 -0400 EDT".</summary>
    public static List<string> Observances(string ics, string tzid)
    {
        var lines = Unfold(ics);
        var start = lines.IndexOf("TZID:" + tzid);
        Assert.True(start > 0 && lines[start - 1] == "BEGIN:VTIMEZONE", $"No VTIMEZONE for {tzid}.");
        var blocks = new List<string>();
        for (var i = start + 1; lines[i] != "END:VTIMEZONE"; i++)
        {
            if (lines[i] is not ("BEGIN:STANDARD" or "BEGIN:DAYLIGHT")) continue;
            var kind = lines[i]["BEGIN:".Length..];
            var block = lines.Skip(i + 1).TakeWhile(l => l != "END:" + kind).ToList();
            blocks.Add(string.Join(' ', kind, Value(block, "DTSTART"), Value(block, "TZOFFSETFROM"), Value(block, "TZOFFSETTO"), Value(block, "TZNAME")));
        }
        return blocks;
    }

    public static int Count(IEnumerable<string> lines, string line) => lines.Count(l => l == line);
}

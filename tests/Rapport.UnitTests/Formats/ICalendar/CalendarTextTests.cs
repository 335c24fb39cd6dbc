using System.Text;

namespace Rapport.UnitTests.Formats.ICalendar;

using Rapport.Formats.ICalendar;
using static IcsText;

public class CalendarTextTests
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static TheoryData<string> Payloads =>
    [
        "Lunch\r\nATTENDEE:mailto:attacker@evil.example",
        "Lunch\nBEGIN:VALARM\nACTION:DISPLAY\nDESCRIPTION:Call now\nEND:VALARM",
        "x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\nBEGIN:VCALENDAR",
        "Lunch\rORGANIZER:mailto:ceo@evil.example",
        @"Smith, John; Jr. \ backslash",
        "Lunch\r\n ATTENDEE:mailto:folded@evil.example",
        "Lunch\u0085ATTENDEE:mailto:nel@evil.example",
    ];

    private static CalendarEvent Meeting(string? summary = "Lunch", string? location = null, string? description = null) => new(
        "1@rapport", 0, new DateTime(2026, 5, 4, 11, 0, 0, DateTimeKind.Utc), TimeSpan.FromHours(1), "Europe/Berlin",
        summary!, location, description, null);

    [Fact]
    public void Every_special_character_is_escaped_and_every_line_break_becomes_backslash_n()
    {
        var lines = Unfold(CalendarWriter.Write([Meeting(@"a\b;c,d" + "\ne\r\nf\rg\n\rh" + @"\n")], Stamp));

        Assert.Equal(@"a\\b\;c\,d\ne\nf\ng\n\nh\\n", Value(lines, "SUMMARY"));
    }

    [Fact]
    public void Control_characters_other_than_tab_are_dropped_and_a_lone_surrogate_becomes_a_replacement_character()
    {
        var lines = Unfold(CalendarWriter.Write([Meeting("x\0y\u0007z\u001b\u007f\u0085\u009fw\tv\ud800u")], Stamp));

        Assert.Equal("xyzw\tv\ufffdu", Value(lines, "SUMMARY"));
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void A_payload_stays_inside_its_property_in_summary_location_and_description(string payload)
    {
        var ics = CalendarWriter.Write([Meeting(payload, payload, payload)], Stamp);
        var lines = Unfold(ics);

        // The only line breaks are CRLFs, so no reader can find a line the writer did not write.
        var withoutLineEnds = ics.Replace("\r\n", "", StringComparison.Ordinal);
        Assert.DoesNotContain('\r', withoutLineEnds);
        Assert.DoesNotContain('\n', withoutLineEnds);
        Assert.Equal(1, Count(lines, "BEGIN:VCALENDAR"));
        Assert.Equal(1, Count(lines, "END:VCALENDAR"));
        Assert.Equal(1, Count(lines, "BEGIN:VEVENT"));
        Assert.Equal(1, Count(lines, "END:VEVENT"));
        Assert.DoesNotContain(lines, l => l.StartsWith("ATTENDEE", StringComparison.Ordinal)
            || l.StartsWith("ORGANIZER", StringComparison.Ordinal)
            || l.Contains("VALARM", StringComparison.Ordinal) && !l.StartsWith("SUMMARY:", StringComparison.Ordinal)
                && !l.StartsWith("LOCATION:", StringComparison.Ordinal) && !l.StartsWith("DESCRIPTION:", StringComparison.Ordinal));
        var expected = ICalendarText.Escape(payload);
        Assert.Equal(expected, Value(lines, "SUMMARY"));
        Assert.Equal(expected, Value(lines, "LOCATION"));
        Assert.Equal(expected, Value(lines, "DESCRIPTION"));
        Assert.Equal("END:VCALENDAR", lines[^1]);
    }

    [Fact]
    public void Lines_are_folded_at_75_octets_without_splitting_a_character()
    {
        // 200 characters: three-byte CJK, four-byte emoji (surrogate pairs) and two-byte letters, in a
        // pattern that puts every kind of character at some fold.
        var summary = string.Concat(Enumerable.Range(0, 200).Select(i => (i % 7) switch
        {
            0 or 3 => "雪",
            1 => "😀",
            2 => "é",
            4 => "👩🏽‍💻",
            5 => "x",
            _ => "語",
        }));
        var ics = CalendarWriter.Write([Meeting(summary, summary, summary)], Stamp);
        var bytes = StrictUtf8.GetBytes(ics);

        var physical = Split(bytes);
        Assert.True(physical.Count > 40, "the values should need many folds");
        foreach (var line in physical)
        {
            Assert.True(line.Length <= 75, $"A line has {line.Length} octets: {Encoding.UTF8.GetString(line)}");
            StrictUtf8.GetString(line); // throws on a split UTF-8 sequence
            Assert.False(char.IsHighSurrogate(StrictUtf8.GetString(line)[^1]));
        }
        Assert.Equal(summary, Value(Unfold(ics), "SUMMARY"));
    }

    [Fact]
    public void A_line_of_exactly_75_octets_is_not_folded_and_one_of_76_is()
    {
        var fits = CalendarWriter.Write([Meeting(new string('a', 75 - "SUMMARY:".Length))], Stamp);
        var over = CalendarWriter.Write([Meeting(new string('a', 76 - "SUMMARY:".Length))], Stamp);

        Assert.Contains("\r\nSUMMARY:" + new string('a', 67) + "\r\nSTATUS", fits, StringComparison.Ordinal);
        Assert.Contains("\r\nSUMMARY:" + new string('a', 67) + "\r\n a\r\nSTATUS", over, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fold_never_splits_a_backslash_escape()
    {
        for (var prefix = 0; prefix < 3; prefix++)
        {
            var ics = CalendarWriter.Write([Meeting(new string('a', prefix) + string.Concat(Enumerable.Repeat(@",;\" + "\n", 40)))], Stamp);

            foreach (var line in ics.Split("\r\n"))
            {
                var trailing = line.Length - line.TrimEnd('\\').Length;
                Assert.True(trailing % 2 == 0, $"A line ends inside an escape: {line}");
            }
        }
    }

    private static List<byte[]> Split(byte[] bytes)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i + 1 < bytes.Length; i++)
        {
            if (bytes[i] != '\r' || bytes[i + 1] != '\n') continue;
            lines.Add(bytes[start..i]);
            start = i + 2;
        }
        Assert.Equal(bytes.Length, start);
        return lines;
    }
}

namespace Rapport.UnitTests.Formats.ICalendar;

using Rapport.Formats.ICalendar;

public class ZoneAbbreviationsTests
{
    [Fact]
    public void The_abbreviations_are_todays_names_from_the_zone_file()
    {
        var names = ZoneAbbreviations.Read("America/New_York");

        // "EWT" and "EPT" (1942-1945) share EDT's offset; the latest use wins.
        Assert.Equal("EDT", names[(-4 * 3600, true)]);
        Assert.Equal("EST", names[(-5 * 3600, false)]);
    }

    [Fact]
    public void A_missing_zone_file_gives_no_abbreviations()
    {
        Assert.Empty(ZoneAbbreviations.Read("Nowhere/Atlantis"));
    }

    [Fact]
    public void A_damaged_zone_file_gives_at_most_some_abbreviations_and_never_throws()
    {
        var directory = Environment.GetEnvironmentVariable("TZDIR") is { Length: > 0 } tzdir ? tzdir : "/usr/share/zoneinfo";
        var file = File.ReadAllBytes(Path.Combine(directory, "Europe", "Berlin"));
        Assert.Equal("CEST", ZoneAbbreviations.Parse(file)[(7200, true)]);

        for (var length = 0; length < file.Length; length++) ZoneAbbreviations.Parse(file.AsSpan(0, length));
        var huge = file.ToArray();
        huge.AsSpan(32, 4).Fill(0xff); // a transition count of four billion
        Assert.Empty(ZoneAbbreviations.Parse(huge));
        Assert.Empty(ZoneAbbreviations.Parse("TZif2 but nothing else"u8));
    }
}

using Rapport.Domain;

namespace Rapport.UnitTests.Domain;

public class TimeZonesTests
{
    [Theory]
    [InlineData("Europe/Berlin", "Europe/Berlin")]
    [InlineData("Eastern Standard Time", "America/New_York")]
    [InlineData(" Asia/Kathmandu ", "Asia/Kathmandu")]
    public void Ids_come_back_as_IANA(string given, string expected) => Assert.Equal(expected, TimeZones.ToIanaId(given));

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_zones_are_refused(string? given) => Assert.Null(TimeZones.ToIanaId(given));

    [Fact]
    public void The_offered_list_holds_the_common_zones_once()
    {
        Assert.Contains("America/New_York", TimeZones.Ids);
        Assert.Contains("Asia/Kolkata", TimeZones.Ids);
        Assert.Contains("UTC", TimeZones.Ids);
        Assert.Equal(TimeZones.Ids.Count, TimeZones.Ids.Distinct().Count());
    }

    [Fact]
    public void Utc_is_shown_in_the_zone_with_its_daylight_saving_offset()
    {
        var berlin = TimeZones.FindOrUtc("Europe/Berlin");
        Assert.Equal(new DateTime(2026, 7, 1, 14, 0, 0), TimeZones.ToLocal(new DateTime(2026, 7, 1, 12, 0, 0, DateTimeKind.Utc), berlin));
        Assert.Equal(new DateTime(2026, 12, 1, 13, 0, 0), TimeZones.ToLocal(new DateTime(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc), berlin));
        var kathmandu = TimeZones.FindOrUtc("Asia/Kathmandu");
        Assert.Equal(new DateTime(2026, 12, 1, 17, 45, 0), TimeZones.ToLocal(new DateTime(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc), kathmandu));
    }
}

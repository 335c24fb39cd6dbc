using Rapport.Domain;
using static Rapport.Domain.ConversationStage;

namespace Rapport.UnitTests.Domain;

public class ConversationNextStepTests
{
    private static readonly TimeZoneInfo Berlin = TimeZones.FindOrUtc("Europe/Berlin");
    private static readonly DateTime Now = new(2026, 11, 27, 15, 0, 0, DateTimeKind.Utc); // 16:00 in Berlin

    [Theory]
    [InlineData(Idea, null, "Write the request")]
    [InlineData(Requested, null, "Log the reply")]
    [InlineData(NoReply, null, "Log the reply")]
    [InlineData(Scheduled, "2026-11-30T09:00:00Z", "Starts in 3 days")]
    [InlineData(Scheduled, "2026-11-28T09:00:00Z", "Starts tomorrow")]
    [InlineData(Scheduled, "2026-11-27T20:00:00Z", "Start")]
    [InlineData(Scheduled, "2026-11-27T10:00:00Z", "Start")]
    [InlineData(Held, "2026-11-27T10:00:00Z", "Write the thank-you")]
    [InlineData(Thanked, "2026-11-27T10:00:00Z", "Close")]
    [InlineData(Closed, null, "")]
    public void The_main_button_follows_the_stage(ConversationStage stage, string? meeting, string label)
    {
        DateTime? start = meeting is null ? null : DateTime.Parse(meeting, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        Assert.Equal(label, ConversationNextStep.For(stage, start, Now, Berlin).Label);
    }

    [Fact]
    public void Days_are_counted_on_the_persons_calendar()
    {
        // 22:30 UTC is 23:30 in Berlin, still today there; an hour later it is tomorrow there, well under 24 hours away.
        Assert.Equal("in 7 hours", TimeUntil.Words(Now, new DateTime(2026, 11, 27, 22, 30, 0, DateTimeKind.Utc), Berlin));
        Assert.Equal("tomorrow", TimeUntil.Words(Now, new DateTime(2026, 11, 27, 23, 30, 0, DateTimeKind.Utc), Berlin));
        Assert.Equal("in 40 min", TimeUntil.Words(Now, Now.AddMinutes(40), Berlin));
        Assert.Null(TimeUntil.Words(Now, Now, Berlin));
    }

    [Theory]
    [InlineData(NameUse.Yes, "María agreed to be mentioned")]
    [InlineData(NameUse.No, "María asked not to be mentioned")]
    [InlineData(NameUse.NotAsked, "not yet asked if María may be mentioned")]
    public void What_the_referrer_said_is_told_as_who_said_what(NameUse use, string words) =>
        Assert.Equal(words, Mentioning.Said(use, "María"));
}

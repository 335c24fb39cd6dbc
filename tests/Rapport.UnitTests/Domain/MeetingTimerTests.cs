using Rapport.Domain;
using static Rapport.Domain.MeetingTimer.State;

namespace Rapport.UnitTests.Domain;

/// <summary>The timer counts from the later of the person's start and the planned start, says how far off the meeting
/// is before that, never jumps when the first note starts it, and stops when the conversation ends.</summary>
public class MeetingTimerTests
{
    private static readonly DateTime Planned = new(2026, 11, 30, 15, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Three_days_before_a_meeting_nothing_counts_and_it_waits_for_the_planned_start()
    {
        var timer = MeetingTimer.Of(Planned, null, null, 30, Planned.AddDays(-3));
        Assert.Equal((Waiting, (DateTime?)Planned, (DateTime?)null), (timer.Now, timer.CountsFromUtc, timer.EndsAtUtc));
    }

    [Fact]
    public void Starting_before_the_planned_start_counts_from_the_planned_start()
    {
        var timer = MeetingTimer.Of(Planned, Planned.AddMinutes(-10), null, 30, Planned.AddMinutes(-5));
        Assert.Equal((Waiting, (DateTime?)Planned.AddMinutes(30)), (timer.Now, timer.EndsAtUtc));
        Assert.Equal(Running, MeetingTimer.Of(Planned, Planned.AddMinutes(-10), null, 30, Planned.AddMinutes(1)).Now);
    }

    [Fact]
    public void Starting_late_counts_from_the_persons_start()
    {
        var timer = MeetingTimer.Of(Planned, Planned.AddMinutes(9), null, 30, Planned.AddMinutes(10));
        Assert.Equal((Running, (DateTime?)Planned.AddMinutes(39)), (timer.Now, timer.EndsAtUtc));
    }

    [Fact]
    public void Past_the_planned_start_nothing_counts_until_the_person_starts_so_the_first_note_does_not_make_it_jump()
    {
        Assert.Equal((NotStarted, (DateTime?)null), (MeetingTimer.Of(Planned, null, null, 30, Planned.AddMinutes(9)) is var t ? (t.Now, t.EndsAtUtc) : default));
    }

    [Fact]
    public void An_ended_conversation_stops_the_timer()
    {
        var timer = MeetingTimer.Of(Planned, Planned, Planned.AddMinutes(34), 30, Planned.AddHours(5));
        Assert.Equal((Ended, (DateTime?)null, (DateTime?)Planned.AddMinutes(34)), (timer.Now, timer.EndsAtUtc, timer.EndedAtUtc));
    }
}

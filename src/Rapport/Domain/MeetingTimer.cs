namespace Rapport.Domain;

/// <summary>The timer of conversation mode. It counts the agreed length from when the person started, or from the
/// planned start if they started before it, whichever is later; before that it says how far off the meeting is; and
/// it stops when the conversation ends. A saved note starts it only when nothing was counting yet, so it never jumps.</summary>
public sealed record MeetingTimer(MeetingTimer.State Now, DateTime? CountsFromUtc, DateTime? EndsAtUtc, DateTime? EndedAtUtc)
{
    public enum State { NotStarted, Waiting, Running, Ended }

    public static MeetingTimer Of(DateTime? meetingStartUtc, DateTime? startedAtUtc, DateTime? endedAtUtc, int durationMinutes, DateTime nowUtc)
    {
        if (endedAtUtc is DateTime ended) return new(State.Ended, startedAtUtc, null, ended);
        if (startedAtUtc is not DateTime started)
            return new(meetingStartUtc > nowUtc ? State.Waiting : State.NotStarted, meetingStartUtc, null, null);
        var from = meetingStartUtc > started ? meetingStartUtc.Value : started;
        return new(from > nowUtc ? State.Waiting : State.Running, from, from.AddMinutes(durationMinutes), null);
    }
}

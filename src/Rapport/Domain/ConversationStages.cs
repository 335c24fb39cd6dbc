using System.Collections.Frozen;
using static Rapport.Domain.ConversationStage;

namespace Rapport.Domain;

/// <summary>The pipeline of one conversation: which stage changes make sense, and the words for each stage.</summary>
public static class ConversationStages
{
    public const string NeedsMeetingTime = "Set the meeting's date and time first.";
    public const string MeetingNotYetHeld = "A conversation can be marked held only once its meeting time has come.";

    // In the order to offer them: the usual next step first.
    private static readonly FrozenDictionary<ConversationStage, IReadOnlyList<ConversationStage>> Moves =
        new Dictionary<ConversationStage, IReadOnlyList<ConversationStage>>
        {
            [Idea] = Array.AsReadOnly([Requested, Scheduled, Cancelled]),
            [Requested] = Array.AsReadOnly([Scheduled, Declined, NoReply, Cancelled]),
            // Back to Requested when the meeting has to be rearranged.
            [Scheduled] = Array.AsReadOnly([Held, Requested, Cancelled]),
            // Back to Scheduled when it was ended by mistake or is to be held again (a reopening).
            [Held] = Array.AsReadOnly([Thanked, Closed, Scheduled]),
            [Thanked] = Array.AsReadOnly([Closed]),
            [Closed] = Array.AsReadOnly(Array.Empty<ConversationStage>()),
            // A "no" can turn into a "later": the person may ask again or park the idea.
            [Declined] = Array.AsReadOnly([Requested, Idea]),
            // Late replies happen, so a silent request can still go anywhere a request could.
            [NoReply] = Array.AsReadOnly([Requested, Scheduled, Declined, Cancelled]),
            [Cancelled] = Array.AsReadOnly([Idea, Requested, Scheduled]),
        }.ToFrozenDictionary();

    public static IReadOnlyList<ConversationStage> Next(ConversationStage from) =>
        Moves.TryGetValue(from, out var next) ? next : [];

    public static StageMove Check(ConversationStage from, ConversationStage to, DateTime? meetingStartUtc, DateTime nowUtc)
    {
        if (from == to)
            return Refuse($"The conversation is already at {Labels.Of(to)}.");
        if (!Next(from).Contains(to))
            return Refuse($"A conversation can't move from {Labels.Of(from)} to {Labels.Of(to)}.");
        if (to is Scheduled or Held && meetingStartUtc is null)
            return Refuse(NeedsMeetingTime);
        if (to is Held && meetingStartUtc > nowUtc)
            return Refuse(MeetingNotYetHeld);
        return new StageMove(true, null);
    }

    /// <summary>The moves that would be allowed now, in the order to offer them: a menu that cannot set the meeting's
    /// time (the board's) offers only these, where the graph alone would offer "It took place" before the meeting.</summary>
    public static IReadOnlyList<ConversationStage> PossibleNow(ConversationStage from, DateTime? meetingStartUtc, DateTime nowUtc) =>
        [.. Next(from).Where(to => Check(from, to, meetingStartUtc, nowUtc).Allowed)];

    public static bool IsOpen(ConversationStage stage) => stage is not (Closed or Declined or NoReply or Cancelled);

    /// <summary>True when a conversation that had ended on a side exit comes back into the pipeline.
    /// NoReply to Declined or Cancelled only records a different ending, so it is not a reopening.</summary>
    public static bool IsReopening(ConversationStage from, ConversationStage to) =>
        (from is Declined or NoReply or Cancelled && from != to && IsOpen(to)) || (from == Held && to == Scheduled);

    /// <summary>Whether the latest change of a conversation can be undone: a move from one stage to another
    /// that is not itself an undo. Only the last one: another move replaces what it would restore.</summary>
    public static bool Undoable(ConversationStage? from, bool isUndo) => from is not null && !isUndo;

    /// <summary>The follow-up tasks a move to a stage can make (a held conversation asks for a thank-you, keeping in
    /// touch, telling the referrer, closing the loop); undoing the move removes those not done.</summary>
    public static IReadOnlyList<TaskKind> TasksMadeByMoves { get; } =
        Array.AsReadOnly([TaskKind.ThankYou, TaskKind.KeepInTouch, TaskKind.TellReferrer, TaskKind.CloseTheLoop]);

    /// <summary>A move as the person says what happened: "I sent the request", "It took place", "Call it off".</summary>
    public static string Say(ConversationStage from, ConversationStage to) => to switch
    {
        Idea => "Back to an idea",
        Requested when from == Idea => "I sent the request",
        Requested when from == Scheduled => "It needs a new time",
        Requested => "Ask again",
        Scheduled when from == Held => "Not held yet: back to scheduled",
        Scheduled when from == Idea => "A time is agreed",
        Scheduled when from == Requested => "They said yes",
        Scheduled => "It is on again",
        Held => "It took place",
        Thanked => "I thanked them",
        Closed => "Close it",
        Declined => "They declined",
        NoReply => "No reply yet",
        Cancelled => "Call it off",
        _ => Labels.Of(to),
    };

    private static StageMove Refuse(string reason) => new(false, reason);
}

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
            [Held] = Array.AsReadOnly([Thanked, Closed]),
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

    public static bool IsOpen(ConversationStage stage) => stage is not (Closed or Declined or NoReply or Cancelled);

    /// <summary>True when a conversation that had ended on a side exit comes back into the pipeline.
    /// NoReply to Declined or Cancelled only records a different ending, so it is not a reopening.</summary>
    public static bool IsReopening(ConversationStage from, ConversationStage to) =>
        from is Declined or NoReply or Cancelled && from != to && IsOpen(to);

    private static StageMove Refuse(string reason) => new(false, reason);
}

namespace Rapport.Domain;

/// <summary>The one obvious next thing to do with a conversation, for its main button: write the request, log the
/// reply, start the meeting (on its day; before it, how long until it starts), write the thank-you, close it.</summary>
public sealed record ConversationNextStep(ConversationNextStep.Action Next, string Label)
{
    public enum Action { WriteRequest, LogReply, Start, WriteThankYou, Close, None }

    public static ConversationNextStep For(ConversationStage stage, DateTime? meetingStartUtc, DateTime nowUtc, TimeZoneInfo zone) => stage switch
    {
        ConversationStage.Idea => new(Action.WriteRequest, "Write the request"),
        ConversationStage.Requested or ConversationStage.NoReply => new(Action.LogReply, "Log the reply"),
        ConversationStage.Scheduled => new(Action.Start,
            meetingStartUtc is DateTime start && !TimeUntil.IsToday(nowUtc, start, zone) && TimeUntil.Words(nowUtc, start, zone) is { } until
                ? "Starts " + until
                : "Start"),
        ConversationStage.Held => new(Action.WriteThankYou, "Write the thank-you"),
        ConversationStage.Thanked => new(Action.Close, "Close"),
        _ => new(Action.None, ""),
    };
}

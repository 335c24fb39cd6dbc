namespace Rapport.Domain;

/// <summary>Each change of stage, kept with its time. What a move replaced is kept with it, so the last move
/// can be undone (<see cref="ConversationStages.Undoable"/>); an undo is a change of its own, so the history
/// keeps both.</summary>
public class StageChange : IOwned
{
    public int Id { get; set; }
    public string OwnerId { get; set; } = "";
    public int ConversationId { get; set; }
    public ConversationStage? From { get; set; }
    public ConversationStage To { get; set; }
    public DateTime AtUtc { get; set; }

    /// <summary>The meeting's start before the move (ending a meeting early moves it to the real start).</summary>
    public DateTime? MeetingStartBeforeUtc { get; set; }

    /// <summary>True when this change undid the one before it.</summary>
    public bool IsUndo { get; set; }
}

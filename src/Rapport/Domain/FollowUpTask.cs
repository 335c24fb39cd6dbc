namespace Rapport.Domain;

/// <summary>Something to do for someone: made by a rule (its <see cref="RuleKey"/> keeps it from being
/// made twice) or by the person.</summary>
public class FollowUpTask : IOwned, ITimestamped, IVersioned
{
    public const int TitleMaxLength = 300;
    public const int NotesMaxLength = 4_000;
    public const int RuleKeyMaxLength = 120;

    public int Id { get; set; }
    public string OwnerId { get; set; } = "";
    public int Version { get; set; } = 1;
    public int? ContactId { get; set; }
    public int? ConversationId { get; set; }
    public TaskKind Kind { get; set; }
    public string? RuleKey { get; set; }
    public string Title { get; set; } = "";
    public string? Notes { get; set; }
    public DateTime DueUtc { get; set; }
    public bool AllDay { get; set; }
    public DateTime? SnoozedUntilUtc { get; set; }
    public DateTime? DoneAtUtc { get; set; }
    public DateTime? DismissedAtUtc { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    public bool IsOpen => DoneAtUtc is null && DismissedAtUtc is null;

    /// <summary>When it shows up as due: its date, or later if snoozed.</summary>
    public DateTime ShowsAtUtc => SnoozedUntilUtc is DateTime snoozed && snoozed > DueUtc ? snoozed : DueUtc;
}

namespace Rapport.Domain;

/// <summary>A message template the person wrote, or an edited copy of a built-in one.</summary>
public class OwnTemplate : IOwned, ITimestamped, IVersioned
{
    public const int NameMaxLength = 120;
    public const int SubjectMaxLength = 300;

    public int Id { get; set; }
    public string OwnerId { get; set; } = "";
    public int Version { get; set; } = 1;
    public string Name { get; set; } = "";
    public Channel Channel { get; set; } = Channel.Email;
    public TemplatePurpose Purpose { get; set; } = TemplatePurpose.Request;
    public string? Subject { get; set; }
    public string Body { get; set; } = "";
    public string? CopiedFromKey { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
}

/// <summary>One message to a contact, as the person sent it themselves (Rapport never sends to contacts).</summary>
public class OutreachAttempt : IOwned
{
    public const int SubjectMaxLength = 300;
    public const int BodyMaxLength = 10_000;

    public int Id { get; set; }
    public string OwnerId { get; set; } = "";
    public int ContactId { get; set; }
    public int? ConversationId { get; set; }
    public Channel Channel { get; set; }
    public TemplatePurpose Purpose { get; set; }
    public string? Subject { get; set; }
    public string Body { get; set; } = "";
    public DateTime SentAtUtc { get; set; }
}

/// <summary>What came back after a request: accepted, declined, or nothing.</summary>
public class Reply : IOwned
{
    public int Id { get; set; }
    public string OwnerId { get; set; } = "";
    public int ContactId { get; set; }
    public int ConversationId { get; set; }
    public ReplyKind Kind { get; set; }
    public DateTime AtUtc { get; set; }
}

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

/// <summary>A keep-in-touch cadence for contacts with one tag (null days: off for them).</summary>
public class TagCadence : IOwned
{
    public string OwnerId { get; set; } = "";
    public string TagNormalizedName { get; set; } = "";
    public int? Days { get; set; }
}

public enum OutcomeKind
{
    TookRole = 1,
    FurtherStudy = 2,
    Paused = 3,
    Other = 4,
}

/// <summary>How the search turned out; it starts the close-the-loop tasks.</summary>
public class SearchOutcome : IOwned
{
    public const int TextMaxLength = 1_000;

    public int Id { get; set; }
    public string OwnerId { get; set; } = "";
    public OutcomeKind Kind { get; set; }
    public string Text { get; set; } = "";
    public DateTime RecordedAtUtc { get; set; }
}

namespace Rapport.Domain;

/// <summary>One informational interview with one contact: planned, asked for, held, followed up, reflected on.</summary>
public class Conversation : IOwned, ITimestamped, IVersioned
{
    public const int PlaceMaxLength = 300;
    public const int LinkMaxLength = 500;
    public const int NotesMaxLength = 50_000;
    public const int ReflectionMaxLength = 10_000;
    public const int DefaultMinutes = 30;
    public const int MinMinutes = 5;
    public const int MaxMinutes = 240;

    public int Id { get; set; }
    public string OwnerId { get; set; } = "";
    public int Version { get; set; } = 1;

    /// <summary>The iCalendar UID: stable across every update of the meeting.</summary>
    public Guid Uid { get; set; } = Guid.NewGuid();

    public int ContactId { get; set; }
    public Contact? Contact { get; set; }
    public int? OrganizationId { get; set; }
    public Organization? Organization { get; set; }

    public ConversationStage Stage { get; set; } = ConversationStage.Idea;
    public DateTime StageChangedAtUtc { get; set; }

    /// <summary>Goals from the catalog, as flags; the person's own goals are in <see cref="OwnGoals"/>.</summary>
    public ConversationGoal Goals { get; set; }
    public string? OwnGoals { get; set; }

    public DateTime? MeetingStartUtc { get; set; }

    /// <summary>The IANA zone the meeting was arranged in (the person's, unless they chose the contact's).</summary>
    public string TimeZoneId { get; set; } = "UTC";
    public int DurationMinutes { get; set; } = DefaultMinutes;
    public MeetingMode? Mode { get; set; }
    public string? Place { get; set; }
    public string? VideoLink { get; set; }

    /// <summary>Bumped whenever the meeting changes, so calendars replace their copy.</summary>
    public int CalendarSequence { get; set; }

    public string? ResearchNotes { get; set; }

    /// <summary>The day-before checklist, as ticked.</summary>
    public bool RouteChecked { get; set; }
    public bool ResumeReady { get; set; }
    public bool ClothesReady { get; set; }
    public bool ArriveEarly { get; set; }

    /// <summary>During the meeting.</summary>
    public string? FreeNotes { get; set; }
    public bool? MayContactAgain { get; set; }
    public DateTime? StartedAtUtc { get; set; }
    public DateTime? EndedAtUtc { get; set; }

    /// <summary>Afterwards.</summary>
    public string? Learned { get; set; }
    public string? StillWantToKnow { get; set; }
    public string? NextSteps { get; set; }
    public int? FitRating { get; set; }
    public string? FitNote { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>When it went to the trash; null while it is in use (see <see cref="Trash"/>).</summary>
    public DateTime? DeletedAtUtc { get; set; }

    public List<ConversationField> Fields { get; set; } = [];
    public List<ConversationQuestion> Questions { get; set; } = [];
    public List<StageChange> StageChanges { get; set; } = [];
    public List<Promise> Promises { get; set; } = [];
    public List<Referral> Referrals { get; set; } = [];

    public DateTime? MeetingEndUtc => MeetingStartUtc?.AddMinutes(DurationMinutes);
}

public class ConversationField : IOwned
{
    public string OwnerId { get; set; } = "";
    public int ConversationId { get; set; }
    public int CareerFieldId { get; set; }
    public CareerField? CareerField { get; set; }
}

/// <summary>A question on one conversation's list, in order, with what the contact answered.</summary>
public class ConversationQuestion : IOwned
{
    public const int TextMaxLength = 500;
    public const int SourceMaxLength = 60;

    public int Id { get; set; }
    public string OwnerId { get; set; } = "";
    public int ConversationId { get; set; }
    public int Position { get; set; }

    /// <summary>Where it came from: "bank:&lt;key&gt;", "own:&lt;id&gt;", "open:&lt;id&gt;" or "typed".</summary>
    public string Source { get; set; } = "typed";

    /// <summary>The wording as it stood when added, so later edits to the bank do not rewrite history.</summary>
    public string Text { get; set; } = "";
    public ConversationPart Part { get; set; } = ConversationPart.Insights;
    public string? Notes { get; set; }

    /// <summary>The open question of a field it answers, if it came from one.</summary>
    public int? OpenQuestionId { get; set; }
}

/// <summary>Each change of stage, kept with its time.</summary>
public class StageChange : IOwned
{
    public int Id { get; set; }
    public string OwnerId { get; set; } = "";
    public int ConversationId { get; set; }
    public ConversationStage? From { get; set; }
    public ConversationStage To { get; set; }
    public DateTime AtUtc { get; set; }
}

/// <summary>Something the person said they would send or do for the contact.</summary>
public class Promise : IOwned
{
    public const int TextMaxLength = 500;

    public int Id { get; set; }
    public string OwnerId { get; set; } = "";
    public int ConversationId { get; set; }
    public string Text { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? DoneAtUtc { get; set; }
}

/// <summary>A person the contact suggested talking to, captured in a conversation.</summary>
public class Referral : IOwned
{
    public int Id { get; set; }
    public string OwnerId { get; set; } = "";
    public int ConversationId { get; set; }
    public int ContactId { get; set; }
    public Contact? Contact { get; set; }
    public NameUse MayUseName { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>A question the person wrote for their own bank (new, or an edited copy of a built-in).</summary>
public class OwnQuestion : IOwned, ITimestamped, IVersioned
{
    public int Id { get; set; }
    public string OwnerId { get; set; } = "";
    public int Version { get; set; } = 1;
    public string Text { get; set; } = "";
    public QuestionTheme Theme { get; set; }
    public ConversationPart Part { get; set; }
    public ConversationGoal Goals { get; set; }
    public bool NeedsOrganization { get; set; }

    /// <summary>The built-in it was copied from, which is then hidden in favour of the copy.</summary>
    public string? CopiedFromKey { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
}

/// <summary>A built-in question the person does not want proposed.</summary>
public class HiddenQuestion : IOwned
{
    public string OwnerId { get; set; } = "";
    public string Key { get; set; } = "";
}

/// <summary>The person's private calendar feed. Only a hash of the token is kept; the token itself is
/// shown once, when made.</summary>
public class CalendarFeed : IOwned
{
    public const string TokenPrefix = "rpcal_";

    public string OwnerId { get; set; } = "";
    public string TokenHash { get; set; } = "";
    public bool IncludeDetails { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

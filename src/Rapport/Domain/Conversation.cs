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

using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;

namespace Rapport.Domain;

/// <summary>A person the user may learn from: how they know them, where they work, and everything
/// gathered about them.</summary>
public class Contact : IOwned, ITimestamped, IVersioned
{
    public const int NameMaxLength = 200;
    public const int TitleMaxLength = 200;
    public const int CityMaxLength = 100;
    public const int SchoolMaxLength = 200;
    public const int UrlMaxLength = 300;
    public const int NotesMaxLength = 20_000;
    public const int SearchKeyMaxLength = 250;

    public int Id { get; set; }
    public string OwnerId { get; set; } = "";
    public int Version { get; set; } = 1;

    /// <summary>Stable across exports and imports (the vCard UID).</summary>
    public Guid Uid { get; set; } = Guid.NewGuid();

    public string FirstName { get; set; } = "";
    public string? LastName { get; set; }
    public string? Title { get; set; }
    public string? City { get; set; }
    public int? OrganizationId { get; set; }
    public Organization? Organization { get; set; }

    /// <summary>Normalised by <c>LinkedInProfileUrl.Normalize</c>, so re-imports match.</summary>
    public string? LinkedInUrl { get; set; }

    public ContactSource? Source { get; set; }

    /// <summary>Came in from a LinkedIn or vCard file rather than typed in; set once, when the contact is added,
    /// so the insights count how the network grew without reading every contact's timeline.</summary>
    public bool Imported { get; set; }
    public int? ReferredById { get; set; }
    public Contact? ReferredBy { get; set; }
    public string? AlumniOf { get; set; }
    public Priority Priority { get; set; } = Priority.Normal;
    public bool DoNotContact { get; set; }
    public string? Notes { get; set; }

    /// <summary>When they connected on LinkedIn, from the export.</summary>
    public DateOnly? ConnectedOn { get; set; }

    /// <summary>The last day the person was in touch with them (set by hand for now).</summary>
    public DateOnly? LastContactedOn { get; set; }

    /// <summary>Company and position as of the last LinkedIn import, to notice a job change.</summary>
    public string? LinkedInCompany { get; set; }
    public string? LinkedInPosition { get; set; }

    /// <summary>The folded full name: sorting and name matching, the same on both databases.</summary>
    public string SearchKey { get; private set; } = "";

    /// <summary>Names, organization, title, city, school, tags, emails and notes, folded; the full-text index reads it.</summary>
    public string SearchText { get; private set; } = "";

    /// <summary>The people table's sort keys, kept by the database on every save (<c>Data/Interceptors/ContactSummaries</c>),
    /// never set by a feature: the folded name of their organization, the stage of their newest conversation, and
    /// their next open task (the earliest by when it shows) with when it shows. Stored so a sort reads fifty
    /// entries of an index, not every person (docs/decisions/019-the-people-table.md).</summary>
    public string? OrganizationKey { get; private set; }
    public ConversationStage? LatestStage { get; private set; }
    public int? NextTaskId { get; private set; }
    public DateTime? NextTaskDueUtc { get; private set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>When it went to the trash; null while it is in use (see <see cref="Trash"/>).</summary>
    public DateTime? DeletedAtUtc { get; set; }

    public List<ContactEmail> Emails { get; set; } = [];
    public List<ContactPhone> Phones { get; set; } = [];
    public List<ContactTag> Tags { get; set; } = [];
    public List<ContactField> Fields { get; set; } = [];
    public List<ContactEvent> Events { get; set; } = [];
    public List<PastPosition> PastPositions { get; set; } = [];

    /// <summary>Their picture, when an address book gave one; loaded only when asked for.</summary>
    public ContactPhoto? Photo { get; set; }

    /// <summary>The name a contact is shown by: first and last name, or the first alone. Written once, as an
    /// expression, so queries compute it in the database (see <c>Data/RulesInQueries</c>) and code computes
    /// it in memory from the same definition.</summary>
    public static readonly Expression<Func<string, string?, string>> FullNameRule =
        (firstName, lastName) => string.IsNullOrEmpty(lastName) ? firstName : firstName + " " + lastName;

    private static readonly Func<string, string?, string> FullNameOfNames = FullNameRule.Compile();

    /// <summary>Usable in queries too: the database then computes <see cref="FullNameRule"/>.</summary>
    public static string FullNameOf(string firstName, string? lastName) => FullNameOfNames(firstName, lastName);

    public string FullName => FullNameOf(FirstName, LastName);

    /// <summary>In touch with them on <paramref name="day"/>. "Last in touch" only moves forward: an older call
    /// logged late, or a meeting held on an earlier day, never hides a later contact.</summary>
    public void MarkInTouch(DateOnly day)
    {
        if (LastContactedOn is null || LastContactedOn < day) LastContactedOn = day;
    }

    /// <summary>A call, meeting or message the person logged by hand: it goes on the timeline and counts as being
    /// in touch. Messages sent, replies and held conversations are on the timeline through their own rows.</summary>
    public void LogInteraction(DateOnly day, DateTime atUtc, string text)
    {
        Events.Add(new ContactEvent { Kind = ContactEventKind.Interaction, OccurredAtUtc = atUtc, Text = text });
        MarkInTouch(day);
    }

    /// <summary>True when the organization now set is not <paramref name="organizationLeft"/> (the same name,
    /// spelled another way, is the same organization). No organization before is no move.</summary>
    public bool WorksElsewhereThan([NotNullWhen(true)] Organization? organizationLeft) =>
        organizationLeft is not null && Organization?.NormalizedName != organizationLeft.NormalizedName;

    /// <summary>They work somewhere new (already set on the contact): the job left is kept as a past position, which
    /// "who can introduce me at X" finds, and the timeline says "Moved from … to …".</summary>
    public void RecordMove(string? titleLeft, string organizationLeft, DateTime atUtc) =>
        RecordMove(titleLeft, organizationLeft, JobChangeSentence.Write(titleLeft, organizationLeft, Title, Organization?.Name), atUtc);

    /// <summary>A move told in the words of its source (a LinkedIn export names jobs as it spells them). Without an
    /// organization left there is no past position to keep, only the sentence.</summary>
    public void RecordMove(string? titleLeft, string? organizationLeft, string sentence, DateTime atUtc)
    {
        if (organizationLeft is not null) PastPositions.Add(PastPosition.At(organizationLeft, titleLeft, atUtc));
        Events.Add(new ContactEvent { Kind = ContactEventKind.JobChange, OccurredAtUtc = atUtc, Text = Folding.Truncate(sentence, ContactEvent.TextMaxLength) });
    }

    /// <summary>Recomputes the search columns from the contact's own loaded state; call after any
    /// change to names, organization, title, city, tags, emails or notes.</summary>
    public void RefreshSearch(string? organizationName)
    {
        SearchKey = Folding.Truncate(Folding.Fold(FullName), SearchKeyMaxLength);
        var parts = new[] { FullName, organizationName, Title, City, AlumniOf }
            .Concat(Tags.Select(t => t.Name))
            .Concat(Emails.Select(e => e.Address))
            .Append(Notes);
        SearchText = Folding.FoldForSearch(string.Join(" | ", parts.Where(p => !string.IsNullOrWhiteSpace(p))));
    }
}

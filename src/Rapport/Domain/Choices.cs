namespace Rapport.Domain;

/// <summary>How the person knows a contact: where the guides say to look for people to talk to.</summary>
public enum ContactSource
{
    Family = 1,
    Friend = 2,
    Classmate = 3,
    Professor = 4,
    CoWorker = 5,
    Alumni = 6,
    LinkedIn = 7,
    Association = 8,
    Referral = 9,
    Cold = 10,
}

/// <summary>Ordered so that sorting ascending puts high first.</summary>
public enum Priority
{
    High = 1,
    Normal = 2,
    Low = 3,
}

public enum CareerFieldStatus
{
    Exploring = 1,
    Pursuing = 2,
    RuledOut = 3,
}

public enum OrganizationStatus
{
    Undecided = 0,
    Target = 1,
    OnHold = 2,
    RuledOut = 3,
}

/// <summary>What happened to a contact, for their timeline (messages, replies, stages and tasks join it from their own tables).</summary>
public enum ContactEventKind
{
    Added = 1,
    Imported = 2,
    JobChange = 3,
    Merged = 4,
    /// <summary>A call, meeting or message the person logged by hand.</summary>
    Interaction = 5,
}

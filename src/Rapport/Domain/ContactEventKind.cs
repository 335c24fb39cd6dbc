namespace Rapport.Domain;

/// <summary>What happened to a contact, for their timeline (messages, replies, stages and tasks join it from their own tables).</summary>
public enum ContactEventKind
{
    Added = 1,
    Imported = 2,
    JobChange = 3,
    Merged = 4,
    /// <summary>A call, meeting or message the person logged by hand.</summary>
    Interaction = 5,
    /// <summary>A message the contact wrote, read from an imported history (LinkedIn's messages.csv).</summary>
    MessageReceived = 6,
}

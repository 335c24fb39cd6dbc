namespace Rapport.Domain;

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

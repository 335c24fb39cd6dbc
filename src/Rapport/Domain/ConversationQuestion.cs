namespace Rapport.Domain;

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

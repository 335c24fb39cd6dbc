namespace Rapport.Domain;

/// <summary>Something the person wants to find out about a field; answered once someone tells them.</summary>
public class OpenQuestion : IOwned, ITimestamped, IVersioned
{
    public const int TextMaxLength = 500;
    public const int AnswerMaxLength = 4_000;
    public const int SourceMaxLength = 300;

    public int Id { get; set; }
    public string OwnerId { get; set; } = "";
    public int Version { get; set; } = 1;
    public int CareerFieldId { get; set; }
    public string Text { get; set; } = "";
    public string? Answer { get; set; }

    /// <summary>Where the answer came from: a person, an article, a conversation.</summary>
    public string? AnswerSource { get; set; }
    public DateTime? AnsweredAtUtc { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    public bool IsAnswered => AnsweredAtUtc is not null;
}

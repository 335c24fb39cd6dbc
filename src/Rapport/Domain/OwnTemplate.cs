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

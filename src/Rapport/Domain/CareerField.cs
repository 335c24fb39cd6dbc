namespace Rapport.Domain;

/// <summary>A career field or occupation the person is learning about.</summary>
public class CareerField : IOwned, ITimestamped, IVersioned
{
    public const int NameMaxLength = 150;
    public const int DescriptionMaxLength = 2_000;
    public const int NotesMaxLength = 20_000;

    public int Id { get; set; }
    public string OwnerId { get; set; } = "";
    public int Version { get; set; } = 1;
    public string Name { get; set; } = "";
    public string NormalizedName { get; set; } = "";
    public string? Description { get; set; }
    public CareerFieldStatus Status { get; set; } = CareerFieldStatus.Exploring;
    public string? Notes { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    public List<CareerFieldLink> Links { get; set; } = [];
    public List<OpenQuestion> OpenQuestions { get; set; } = [];

    public void Rename(string name)
    {
        Name = name.Trim();
        NormalizedName = Folding.Fold(Name);
    }
}

/// <summary>A page the person found useful while researching a field.</summary>
public class CareerFieldLink : IOwned
{
    public const int UrlMaxLength = 2_000;
    public const int LabelMaxLength = 200;

    public int Id { get; set; }
    public string OwnerId { get; set; } = "";
    public int CareerFieldId { get; set; }
    public string Url { get; set; } = "";
    public string? Label { get; set; }
}

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

namespace Rapport.Features.People;

/// <summary>The columns of the people table a person may hide (the name is always shown).</summary>
public enum PeopleColumn
{
    Organization,
    Source,
    Stage,
    LastContact,
    NextTask,
    Priority,
}

/// <summary>The columns a person chose, as stored on their account: the names, comma-separated; nothing stored means
/// every column. A name the table no longer has is dropped, so an old choice never breaks the page.</summary>
public sealed record PeopleColumns(IReadOnlySet<PeopleColumn> Shown)
{
    public static readonly PeopleColumns All = new(Enum.GetValues<PeopleColumn>().ToHashSet());

    public bool Shows(PeopleColumn column) => Shown.Contains(column);

    public static PeopleColumns Parse(string? stored) => stored is null ? All
        : new(stored.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => Enum.TryParse<PeopleColumn>(name, ignoreCase: false, out var c) && Enum.IsDefined(c) && !int.TryParse(name, out _) ? c : (PeopleColumn?)null)
            .OfType<PeopleColumn>().ToHashSet());

    /// <summary>The choice from the form's ticked names; unknown names are ignored.</summary>
    public static PeopleColumns Chosen(IEnumerable<string?> names) => Parse(string.Join(',', names.Where(n => n is { Length: < 40 } && !n.Contains(','))));

    /// <summary>What is stored: null for every column (so a column added later shows for those who never chose).</summary>
    public string? Stored => Shown.SetEquals(All.Shown) ? null : string.Join(',', Enum.GetValues<PeopleColumn>().Where(Shown.Contains));
}

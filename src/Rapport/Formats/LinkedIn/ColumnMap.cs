namespace Rapport.Formats.LinkedIn;

/// <summary>Which cell holds which field, found by the header's names (exports differ in columns and order).
/// An index is -1 when the column is absent; columns LinkedIn may add later are ignored.</summary>
internal sealed record ColumnMap(
    int Count, int FirstName, int LastName, int Url, int Email, int Company, int Position, int ConnectedOn)
{
    public const string FirstNameColumn = "First Name";
    public const string LastNameColumn = "Last Name";
    public const string UrlColumn = "URL";
    public const string EmailColumn = "Email Address";
    public const string CompanyColumn = "Company";
    public const string PositionColumn = "Position";
    public const string ConnectedOnColumn = "Connected On";

    private static readonly string[] Known =
        [FirstNameColumn, LastNameColumn, UrlColumn, EmailColumn, CompanyColumn, PositionColumn, ConnectedOnColumn];

    /// <summary>Two known column names make a header, so a header missing one name still gets a precise error.</summary>
    public static bool LooksLikeHeader(string[] cells) =>
        cells.Select(Clean).Count(name => Known.Contains(name, StringComparer.OrdinalIgnoreCase)) >= 2;

    public static ColumnMap? From(string[] cells, out string? error)
    {
        error = null;
        var names = cells.Select(Clean).ToArray();
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names.Where(n => n.Length > 0))
        {
            if (!seen.TryAdd(name, name))
            {
                error = $"The column '{seen[name]}' appears twice in the header.";
                return null;
            }
        }
        foreach (var required in new[] { FirstNameColumn, LastNameColumn })
        {
            if (!seen.ContainsKey(required))
            {
                error = $"The header has no '{required}' column. Is this LinkedIn's Connections.csv?";
                return null;
            }
        }
        int Find(string column) => Array.FindIndex(names, n => string.Equals(n, column, StringComparison.OrdinalIgnoreCase));
        return new ColumnMap(names.Length, Find(FirstNameColumn), Find(LastNameColumn), Find(UrlColumn),
            Find(EmailColumn), Find(CompanyColumn), Find(PositionColumn), Find(ConnectedOnColumn));
    }

    // A stray BOM can survive inside a re-saved file's first cell.
    private static string Clean(string cell) => cell.Trim().Trim('\uFEFF').Trim();
}

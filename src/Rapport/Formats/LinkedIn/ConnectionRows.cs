using System.Globalization;
using System.Text;

namespace Rapport.Formats.LinkedIn;

/// <summary>Turns tokenised records into connections, rejections and warnings, in file order.</summary>
internal sealed class ConnectionRows(ColumnMap columns)
{
    private static readonly string[] DateFormats = ["dd MMM yyyy", "d MMM yyyy", "yyyy-MM-dd"];

    private readonly List<LinkedInConnection> _connections = [];
    private readonly List<ImportIssue> _rejected = [];
    private readonly List<ImportIssue> _warnings = [];
    private readonly Dictionary<string, int> _firstLineByKey = new(StringComparer.Ordinal);
    private int _emptyRows;

    /// <summary>Connections plus rejected rows: zero means the file held no data at all.</summary>
    public int Count => _connections.Count + _rejected.Count;

    public ConnectionsFile ToFile() => new(_connections, _rejected, _warnings, _emptyRows, null);

    public void Reject(int line, string reason) => _rejected.Add(new ImportIssue(line, $"Line {line}: {reason}"));

    /// <summary>Returns false when the row is malformed across several lines: a quote is probably unbalanced,
    /// so the caller should read again from the row's second line rather than trust where it ended.</summary>
    public bool Add(int line, string[] cells, bool spansLines)
    {
        var stripped = false;
        for (var i = 0; i < cells.Length; i++)
        {
            if (CsvSlice.HasControls(cells[i]))
            {
                cells[i] = CsvSlice.WithoutControls(cells[i]);
                stripped = true;
            }
        }
        if (cells.All(string.IsNullOrWhiteSpace))
        {
            _emptyRows++;
            return true;
        }
        if (cells.Length != columns.Count)
        {
            Reject(line, $"has {cells.Length} values, the header has {columns.Count}"
                + (spansLines ? "; it runs over several lines, so a \" is probably not closed." : "."));
            return !spansLines;
        }

        var warnings = new List<string>();
        if (stripped) warnings.Add("invisible control characters (such as NUL) were removed.");
        var firstName = Nfc(Cell(cells, columns.FirstName) ?? "");
        var lastName = Nfc(Cell(cells, columns.LastName) ?? "");
        if (firstName.Length == 0 && lastName.Length == 0)
        {
            Reject(line, "first and last name are both empty.");
            return true;
        }

        var rawUrl = Cell(cells, columns.Url);
        var url = LinkedInProfileUrl.Normalize(rawUrl);
        if (rawUrl is not null && url is null)
            warnings.Add($"'URL' is not a LinkedIn profile address ({Excerpt(rawUrl)}); it is left empty.");
        var email = Cell(cells, columns.Email);
        var company = Cell(cells, columns.Company);
        var date = ParseDate(Cell(cells, columns.ConnectedOn), warnings);

        var key = url is not null ? "u:" + url
            : email is not null ? "e:" + email.ToLowerInvariant()
            : $"n:{Fold(firstName)}\u001F{Fold(lastName)}\u001F{Fold(company ?? "")}";
        if (_firstLineByKey.TryGetValue(key, out var firstLine))
        {
            Reject(line, $"duplicate of line {firstLine}.");
            return true;
        }
        _firstLineByKey[key] = line;
        _connections.Add(new LinkedInConnection(line, firstName, lastName, url, email, company,
            Cell(cells, columns.Position), date));
        _warnings.AddRange(warnings.Select(w => new ImportIssue(line, $"Line {line}: {w}")));
        return true;
    }

    private static DateOnly? ParseDate(string? value, List<string> warnings)
    {
        if (value is null) return null;
        if (DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        warnings.Add($"'Connected On' is not a date ({Excerpt(value)}); the date is left empty.");
        return null;
    }

    /// <summary>The trimmed cell, or null when the column is absent or the cell is blank.</summary>
    private static string? Cell(string[] cells, int index)
    {
        if (index < 0) return null;
        var value = cells[index].Trim();
        return value.Length == 0 ? null : value;
    }

    private static string Excerpt(string value) => value.Length <= 40 ? value : value[..40] + "…";

    private static string Nfc(string value)
    {
        try
        {
            return value.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return value; // a lone surrogate cannot be normalised; keep the text as it came
        }
    }

    /// <summary>Case- and accent-insensitive form for spotting duplicates: "Müller" and "MULLER" match.</summary>
    private static string Fold(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in Nfd(value))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString().Trim();
    }

    private static string Nfd(string value)
    {
        try
        {
            return value.Normalize(NormalizationForm.FormD);
        }
        catch (ArgumentException)
        {
            return value;
        }
    }
}

using CsvHelper;

namespace Rapport.Formats.LinkedIn;

/// <summary>One data row of a history file: its 1-based first line and its cells in the order of the required columns.</summary>
internal sealed record HistoryRow(int Line, string[] Cells);

/// <summary>Reads Invitations.csv or messages.csv into rows by column name: a preamble before the header is skipped,
/// the columns may come in any order, cells may hold line breaks. Anything that would make the file half-read (a
/// missing column, a cell past the length limit, too many rows) is a problem naming the file and the line, and no
/// rows are returned.</summary>
internal static class HistoryTable
{
    public const int HeaderSearchLines = 30;
    public const int MaxRows = 50_000;

    /// <summary>The rows, or null with the problem. <paramref name="maxCell"/> bounds every cell.</summary>
    public static List<HistoryRow>? Read(string text, string fileName, string[] columns, int maxCell, out string? problem)
    {
        problem = null;
        var lines = new TextLines(text);
        var header = FindHeader(text, lines, columns, maxCell);
        if (header is null)
        {
            problem = $"{fileName}: no header row with the columns {string.Join(", ", columns.Select(c => $"'{c}'"))} was found in the first {HeaderSearchLines} lines.";
            return null;
        }
        var (cells, end) = header.Value;
        var names = cells.Select(c => c.Trim().Trim('\uFEFF').Trim()).ToArray();
        var missing = columns.Where(c => !names.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
        {
            problem = $"{fileName}: the header on line {lines.LineAt(header.Value.End - 1)} has no {string.Join(" or ", missing.Select(c => $"'{c}'"))} column.";
            return null;
        }
        var index = columns.Select(c => Array.FindIndex(names, n => n.Equals(c, StringComparison.OrdinalIgnoreCase))).ToArray();

        var rows = new List<HistoryRow>();
        var recordStart = end;
        try
        {
            using var parser = Parser(text, end, maxCell);
            while (parser.Read())
            {
                var line = lines.LineAt(recordStart);
                recordStart = end + (int)parser.CharCount;
                var record = parser.Record!;
                if (record.All(string.IsNullOrWhiteSpace)) continue;
                if (rows.Count == MaxRows)
                {
                    problem = $"{fileName} has more than {MaxRows:N0} rows; this is more history than one import takes.";
                    return null;
                }
                if (record.Length != names.Length)
                {
                    problem = $"{fileName}, line {line}: {record.Length} values where the header has {names.Length}; a \" may not be closed.";
                    return null;
                }
                rows.Add(new HistoryRow(line, index.Select(i => Clean(record[i])).ToArray()));
            }
        }
        catch (MaxFieldSizeException)
        {
            problem = $"{fileName}, line {lines.LineAt(recordStart)}: a value is longer than {maxCell:N0} characters (or a \" is never closed).";
            return null;
        }
        return rows;
    }

    private static (string[] Cells, int End)? FindHeader(string text, TextLines lines, string[] columns, int maxCell)
    {
        for (var line = 1; line <= Math.Min(HeaderSearchLines, lines.Count); line++)
        {
            var start = lines.StartOf(line);
            try
            {
                using var parser = Parser(text, start, maxCell);
                if (!parser.Read()) return null;
                var names = parser.Record!.Select(c => c.Trim().Trim('\uFEFF').Trim());
                // Two known names make a header, so a header that lacks one still gets a precise message.
                if (names.Count(n => columns.Contains(n, StringComparer.OrdinalIgnoreCase)) >= 2)
                    return (parser.Record!, start + (int)parser.CharCount);
            }
            catch (MaxFieldSizeException)
            {
                // Not a header; try the next line.
            }
        }
        return null;
    }

    private static string Clean(string cell) => CsvSlice.WithoutControls(cell).Trim();

    private static CsvParser Parser(string text, int offset, int maxCell) => CsvSlice.Parser(text, offset, ',', maxCell);
}

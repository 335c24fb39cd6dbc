using System.Buffers;
using System.Text;

namespace Rapport.Formats.Csv;

/// <summary>Writes CSV that Excel, LibreOffice and Google Sheets open safely: RFC 4180, CRLF, a UTF-8 byte-order
/// mark so accents survive Excel, and no cell a spreadsheet would run as a formula (CSV injection), whatever
/// separator it splits on.</summary>
public static class SpreadsheetCsv
{
    // The characters a spreadsheet reads as the start of a formula (OWASP's list).
    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r");

    // Where a spreadsheet may start a new cell: the comma, the separators it may be told to split on instead (a
    // semicolon where the comma is the decimal mark, a tab), and line breaks. One that ignores our quotes, or splits
    // on another separator, starts a cell after each of them, so none may be followed by a formula start either.
    private static readonly SearchValues<char> CellStarts = SearchValues.Create(",;\t\r\n");
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",;\t\"\r\n");

    /// <summary>Writes the byte-order mark as U+FEFF, then the header and rows. Give it a writer that adds no
    /// preamble of its own (a StreamWriter's default UTF-8 adds none), or the file starts with two.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        WriteHeader(writer, header);
        WriteRows(writer, rows);
    }

    /// <summary>The byte-order mark and the header: the start of a file written a part at a time.</summary>
    public static void WriteHeader(TextWriter writer, IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(header);
        writer.Write('\uFEFF');
        WriteRecord(writer, header);
    }

    /// <summary>Rows after a header written by <see cref="WriteHeader"/>.</summary>
    public static void WriteRows(TextWriter writer, IEnumerable<IReadOnlyList<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows) WriteRecord(writer, row);
    }

    /// <summary>The cell as a spreadsheet should show it: NULs removed, and a ' before a formula start, at the start
    /// of the cell and after each separator or line break inside it ("Acme;=1+5" is written "Acme;'=1+5", so a
    /// spreadsheet splitting on ";" sees the text '=1+5). A phone number such as "+1 (555) 010-0000" gets the quote
    /// too; that is the price of safety.</summary>
    public static string Neutralise(string? cell)
    {
        if (string.IsNullOrEmpty(cell)) return "";
        if (cell.Contains('\0')) cell = cell.Replace("\0", "", StringComparison.Ordinal);
        var marks = 0;
        for (var i = 0; i < cell.Length; i++) if (StartsFormula(cell, i)) marks++;
        if (marks == 0) return cell;
        var text = new StringBuilder(cell.Length + marks);
        for (var i = 0; i < cell.Length; i++)
        {
            if (StartsFormula(cell, i)) text.Append('\'');
            text.Append(cell[i]);
        }
        return text.ToString();
    }

    // Whether a ' goes before position i: at the start of the cell, before a formula start; after a separator inside
    // it, before a formula start or before quotes and then one (a reader starting a cell at ;""=1 reads =1).
    private static bool StartsFormula(string cell, int i)
    {
        if (i == 0) return FormulaStarts.Contains(cell[0]);
        if (!CellStarts.Contains(cell[i - 1])) return false;
        while (i < cell.Length && cell[i] == '"') i++;
        return i < cell.Length && FormulaStarts.Contains(cell[i]);
    }

    private static void WriteRecord(TextWriter writer, IReadOnlyList<string?> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0) writer.Write(',');
            var cell = Neutralise(cells[i]);
            if (cell.AsSpan().ContainsAny(NeedsQuotes))
            {
                writer.Write('"');
                writer.Write(cell.Replace("\"", "\"\"", StringComparison.Ordinal));
                writer.Write('"');
            }
            else
            {
                writer.Write(cell);
            }
        }
        writer.Write("\r\n");
    }
}

using System.Buffers;

namespace Rapport.Formats.Csv;

/// <summary>Writes CSV that Excel, LibreOffice and Google Sheets open safely: RFC 4180, CRLF, a UTF-8 byte-order
/// mark so accents survive Excel, and no cell a spreadsheet would run as a formula (CSV injection).</summary>
public static class SpreadsheetCsv
{
    // The characters a spreadsheet reads as the start of a formula (OWASP's list), checked on the first character only.
    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r");
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

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

    /// <summary>The cell as a spreadsheet should show it: NULs removed, and a leading ' when it starts like a
    /// formula. A phone number such as "+1 (555) 010-0000" gets the quote too; that is the price of safety.</summary>
    public static string Neutralise(string? cell)
    {
        if (string.IsNullOrEmpty(cell)) return "";
        if (cell.Contains('\0')) cell = cell.Replace("\0", "", StringComparison.Ordinal);
        return cell.Length > 0 && FormulaStarts.Contains(cell[0]) ? "'" + cell : cell;
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

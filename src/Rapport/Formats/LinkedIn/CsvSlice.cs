using System.Buffers;
using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Rapport.Formats.LinkedIn;

/// <summary>What every LinkedIn file is read with: a CsvHelper parser that starts at any offset of the decoded text
/// (so a header can be looked for line by line), and the cleaning of control characters out of a cell.</summary>
internal static class CsvSlice
{
    // C0 and C1 controls except tab, CR and LF: invisible, and NUL breaks databases and text tools.
    private static readonly SearchValues<char> Controls = SearchValues.Create(
        Enumerable.Range(0, 0xA0).Select(i => (char)i).Where(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n')).ToArray());

    public static CsvParser Parser(string text, int offset, char delimiter, int maxField) =>
        new(new StringSliceReader(text, offset), new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter.ToString(),
            DetectDelimiter = false,
            HasHeaderRecord = false,
            IgnoreBlankLines = false, // blank lines stay records so character counts map to lines
            Mode = CsvMode.RFC4180,
            BadDataFound = null,
            MissingFieldFound = null,
            MaxFieldSize = maxField,
        });

    public static bool HasControls(string cell) => cell.AsSpan().ContainsAny(Controls);

    public static string WithoutControls(string cell) => HasControls(cell) ? string.Concat(cell.Where(c => !Controls.Contains(c))) : cell;
}

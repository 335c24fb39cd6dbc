using CsvHelper;

namespace Rapport.Formats.LinkedIn;

/// <summary>Tokenises the decoded text with CsvHelper: finds the header by name, then hands each record to
/// <see cref="ConnectionRows"/>. A broken quote costs one row, not the rest of the file: the parser restarts on
/// the line after the row where the broken value began.</summary>
internal static class ConnectionsParser
{
    public const int HeaderSearchLines = 30;
    public const int MaxFieldLength = 10_000;
    private const int MaxRestarts = 1_000;

    public const string NoHeader =
        "No header row with 'First Name' and 'Last Name' was found in the first 30 lines. Is this LinkedIn's Connections.csv?";
    public const string NoConnections = "The file has a header but no connections.";
    public const string TooManyRows =
        "The file has more than 60,000 rows; LinkedIn exports hold at most 30,000 connections.";
    public const string TooBroken =
        "The file has too many rows with unbalanced quotes to be read. Is this LinkedIn's Connections.csv?";

    // Comma is LinkedIn's; semicolon and tab are what Excel writes when a user re-saves the file, and are read too.
    private static readonly char[] Delimiters = [',', ';', '\t'];

    public static ConnectionsFile Parse(string text)
    {
        var lines = new TextLines(text);
        var header = FindHeader(text, lines);
        if (header is null) return ConnectionsFile.Failed(NoHeader);
        var columns = ColumnMap.From(header.Value.Cells, out var headerError);
        if (columns is null) return ConnectionsFile.Failed(headerError!);

        var rows = new ConnectionRows(columns);
        var offset = header.Value.End;
        var records = 0;
        for (var restarts = 0; offset < text.Length; restarts++)
        {
            if (restarts > MaxRestarts) return ConnectionsFile.Failed(TooBroken);
            var recordStart = offset;
            int? restartLine = null;
            try
            {
                using var parser = CreateParser(text, offset, header.Value.Delimiter);
                while (restartLine is null && parser.Read())
                {
                    if (++records > ConnectionsCsv.MaxRows) return ConnectionsFile.Failed(TooManyRows);
                    var end = offset + (int)parser.CharCount;
                    var line = lines.LineAt(recordStart);
                    var spansLines = lines.LineAt(end - 1) > line;
                    if (!rows.Add(line, parser.Record!, spansLines)) restartLine = line + 1;
                    recordStart = end;
                }
            }
            catch (MaxFieldSizeException)
            {
                var line = lines.LineAt(recordStart);
                rows.Reject(line, "a value starting on this row runs past 10,000 characters, "
                    + "probably because a \" is never closed; the row is skipped.");
                restartLine = line + 1;
            }
            if (restartLine is null) break;
            offset = lines.StartOf(restartLine.Value);
        }
        return rows.Count == 0 ? ConnectionsFile.Failed(NoConnections) : rows.ToFile();
    }

    /// <summary>Tries each of the first lines as a header on its own, so an odd preamble cannot hide it.</summary>
    private static (string[] Cells, int End, char Delimiter)? FindHeader(string text, TextLines lines)
    {
        for (var line = 1; line <= Math.Min(HeaderSearchLines, lines.Count); line++)
        {
            var start = lines.StartOf(line);
            foreach (var delimiter in Delimiters)
            {
                try
                {
                    using var parser = CreateParser(text, start, delimiter);
                    if (parser.Read() && ColumnMap.LooksLikeHeader(parser.Record!))
                        return (parser.Record!, start + (int)parser.CharCount, delimiter);
                }
                catch (MaxFieldSizeException)
                {
                    // Not a header; try the next line.
                }
            }
        }
        return null;
    }

    private static CsvParser CreateParser(string text, int offset, char delimiter) => CsvSlice.Parser(text, offset, delimiter, MaxFieldLength);
}

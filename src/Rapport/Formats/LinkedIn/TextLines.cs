namespace Rapport.Formats.LinkedIn;

/// <summary>Where each physical line starts, so a character offset from the CSV parser becomes a line number.
/// CRLF, LF and a lone CR each end a line, as they do for CsvHelper.</summary>
internal sealed class TextLines
{
    private readonly List<int> _starts = [0];

    public TextLines(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            if (c is '\r' or '\n') _starts.Add(i + 1);
        }
        Length = text.Length;
    }

    public int Length { get; }

    public int Count => _starts.Count;

    /// <summary>The 1-based line holding the character at <paramref name="offset"/>.</summary>
    public int LineAt(int offset)
    {
        var index = _starts.BinarySearch(offset);
        return index >= 0 ? index + 1 : ~index;
    }

    /// <summary>Offset of the first character of 1-based <paramref name="line"/>; the text's length past the end.</summary>
    public int StartOf(int line) => line <= _starts.Count ? _starts[line - 1] : Length;
}

/// <summary>A reader over the rest of a string from an offset, so the parser can restart mid-text without copying it.</summary>
internal sealed class StringSliceReader(string text, int offset) : TextReader
{
    private int _position = offset;

    public override int Peek() => _position < text.Length ? text[_position] : -1;

    public override int Read() => _position < text.Length ? text[_position++] : -1;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var count = Math.Min(buffer.Length, text.Length - _position);
        text.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }
}

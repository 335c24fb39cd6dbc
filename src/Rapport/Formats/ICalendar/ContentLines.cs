using System.Text;

namespace Rapport.Formats.ICalendar;

/// <summary>Collects content lines with CRLF ends, folded at 75 octets of UTF-8 (RFC 5545 section 3.1).</summary>
internal sealed class ContentLines
{
    private const int MaxOctets = 75;

    private readonly StringBuilder _text = new();

    /// <summary>Adds one line, already escaped. A fold falls between characters, never inside a UTF-8 sequence
    /// or a surrogate pair, and never inside a backslash escape, which lenient readers may not rejoin.</summary>
    public void Add(string line)
    {
        var octets = 0;
        var i = 0;
        while (i < line.Length)
        {
            var (width, size) = Unit(line, i);
            if (octets + size > MaxOctets)
            {
                _text.Append("\r\n ");
                octets = 1; // the leading space
            }
            _text.Append(line, i, width);
            octets += size;
            i += width;
        }
        _text.Append("\r\n");
    }

    public override string ToString() => _text.ToString();

    /// <summary>The characters that must stay on one line from <paramref name="i"/>, and their UTF-8 size.</summary>
    private static (int Width, int Size) Unit(string line, int i)
    {
        var c = line[i];
        // Every backslash in an escaped line starts a two-character ASCII escape (\\ \; \, \n).
        if (c == '\\' && i + 1 < line.Length) return (2, 2);
        if (char.IsHighSurrogate(c) && i + 1 < line.Length && char.IsLowSurrogate(line[i + 1])) return (2, 4);
        return (1, c < 0x80 ? 1 : c < 0x800 ? 2 : 3);
    }
}

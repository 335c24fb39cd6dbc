namespace Rapport.Formats.VCard;

/// <summary>Turns the file's bytes into logical content lines. Joining happens on bytes, before any decoding,
/// so a fold that falls inside a multi-byte UTF-8 character comes out whole. Three kinds of continuation:
/// a line starting with a space or tab (a fold: that one character is dropped); in a QUOTED-PRINTABLE value,
/// a line ending in '=' (a soft break: the '=' is dropped, the next line is taken whole, whether or not it
/// starts with a space); and in a BASE64 value, unindented lines of base64 (vCard 2.1 writers do that).
/// The lines are compacted in place in the caller's buffer (joining only ever shortens), so a 20 MB photo
/// costs no copy.</summary>
internal sealed class ContentLineReader
{
    private readonly byte[] _buffer;
    private readonly int _end;
    private int _next;
    private int _nextLineNumber = 1;
    private int _start;
    private int _length;

    public ContentLineReader(byte[] buffer, int start, int end)
    {
        _buffer = buffer;
        _next = start;
        _end = end;
    }

    /// <summary>The 1-based physical line where the current logical line starts.</summary>
    public int LineNumber { get; private set; }

    public ReadOnlySpan<byte> Line => _buffer.AsSpan(_start, _length);

    /// <summary>The current line's name and parameters; null when the line is not a property
    /// (<see cref="HeaderError"/> says why).</summary>
    public ContentLineHeader? Header { get; private set; }

    public string? HeaderError { get; private set; }

    /// <summary>Moves to the next non-blank logical line.</summary>
    public bool MoveNext()
    {
        while (_next < _end)
        {
            LineNumber = _nextLineNumber;
            _start = _next;
            var write = TakePhysicalLine();
            var segmentStart = _start;
            ContentLineHeader? header = null;
            var headerTried = false;
            while (_next < _end)
            {
                var softBreak = EndOfSoftBreak(segmentStart, write, ref header, ref headerTried);
                if (softBreak >= 0)
                {
                    if (!NextLineContinuesSoftBreak()) break;
                    segmentStart = softBreak;
                    write = AppendNextLine(softBreak, skip: 0);
                }
                else if (_buffer[_next] is (byte)' ' or (byte)'\t')
                {
                    segmentStart = write;
                    write = AppendNextLine(write, skip: 1);
                }
                else
                {
                    if (!headerTried) header = TryHeader(write, ref headerTried);
                    if (header is not { IsBase64: true } || !NextLineIsBase64()) break;
                    segmentStart = write;
                    write = AppendNextLine(write, skip: 0);
                }
            }
            if (IsBlank(_buffer.AsSpan(_start, write - _start))) continue;
            _length = write - _start;
            // A header parsed before the line was complete is still right: it ends at the first ':'.
            string? error = null;
            Header = header ?? ContentLineHeader.Parse(Line, out error);
            HeaderError = error;
            return true;
        }
        return false;
    }

    /// <summary>Consumes the physical line at _next and returns where its content ends (before CR/LF).</summary>
    private int TakePhysicalLine()
    {
        var contentEnd = FindLineEnd(_next, out var after);
        _next = after;
        _nextLineNumber++;
        return contentEnd;
    }

    private int FindLineEnd(int from, out int after)
    {
        var index = _buffer.AsSpan(from, _end - from).IndexOfAny((byte)'\r', (byte)'\n');
        if (index < 0)
        {
            after = _end;
            return _end;
        }
        var contentEnd = from + index;
        after = contentEnd + 1;
        if (_buffer[contentEnd] == (byte)'\r' && after < _end && _buffer[after] == (byte)'\n') after++;
        return contentEnd;
    }

    /// <summary>Moves the next physical line's content (minus <paramref name="skip"/> leading bytes) to
    /// <paramref name="write"/>; never overwrites unread bytes since write is always behind _next.</summary>
    private int AppendNextLine(int write, int skip)
    {
        var from = _next + skip;
        var to = TakePhysicalLine();
        var length = Math.Max(0, to - from);
        _buffer.AsSpan(from, length).CopyTo(_buffer.AsSpan(write));
        return write + length;
    }

    /// <summary>Where the '=' of a quoted-printable soft break stands, or -1. Only the last segment is searched
    /// for trailing blanks, so a long line of folded blanks stays linear.</summary>
    private int EndOfSoftBreak(int segmentStart, int write, ref ContentLineHeader? header, ref bool headerTried)
    {
        var last = write - 1;
        while (last >= segmentStart && _buffer[last] is (byte)' ' or (byte)'\t') last--;
        if (last < segmentStart || _buffer[last] != (byte)'=') return -1;
        if (!headerTried) header = TryHeader(write, ref headerTried);
        return header is { IsQuotedPrintable: true } && last >= _start + header.ValueStart ? last : -1;
    }

    // Parsed at most once while joining (and once more at the end if it failed), which keeps hostile lines linear.
    private ContentLineHeader? TryHeader(int write, ref bool headerTried)
    {
        headerTried = true;
        return ContentLineHeader.Parse(_buffer.AsSpan(_start, write - _start), out _);
    }

    private bool NextLineContinuesSoftBreak()
    {
        var content = PeekNextLine();
        return !IsBlank(content) && !IsEndVCardIgnoringCase(content);
    }

    private bool NextLineIsBase64()
    {
        var content = PeekNextLine();
        if (IsBlank(content)) return false;
        foreach (var b in content)
        {
            var isBase64 = b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9'
                or (byte)'+' or (byte)'/' or (byte)'=' or (byte)' ' or (byte)'\t';
            if (!isBase64) return false;
        }
        return true;
    }

    private ReadOnlySpan<byte> PeekNextLine()
    {
        var contentEnd = FindLineEnd(_next, out _);
        return _buffer.AsSpan(_next, contentEnd - _next);
    }

    private static bool IsEndVCardIgnoringCase(ReadOnlySpan<byte> content) =>
        System.Text.Ascii.EqualsIgnoreCase(content.Trim(" \t"u8), "END:VCARD"u8);

    /// <summary>Blank: nothing but spaces and control characters (a DOS end-of-file mark, say).</summary>
    internal static bool IsBlank(ReadOnlySpan<byte> content)
    {
        foreach (var b in content)
        {
            if (b > (byte)' ') return false;
        }
        return true;
    }
}

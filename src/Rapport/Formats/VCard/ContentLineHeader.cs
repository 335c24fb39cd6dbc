using System.Text;

namespace Rapport.Formats.VCard;

/// <summary>The part of a content line before the value: "item1.EMAIL;TYPE=work,pref:". Parsed from bytes,
/// because every delimiter is ASCII and cannot occur inside a UTF-8 or Windows-1252 character, so the value
/// (which may be megabytes of photo) never has to be decoded just to find where it starts.</summary>
internal sealed class ContentLineHeader
{
    private const int MaxHeaderLength = 100_000;

    // vCard 2.1 lets these stand alone ("NOTE;QUOTED-PRINTABLE"); any other lone word is a type ("TEL;WORK;VOICE").
    private static readonly HashSet<string> EncodingWords =
        new(["QUOTED-PRINTABLE", "BASE64", "8BIT", "7BIT"], StringComparer.OrdinalIgnoreCase);

    // Most lines have no parameters; they share one dictionary that nothing ever adds to.
    private static readonly Dictionary<string, List<string>> NoParameters = new(StringComparer.OrdinalIgnoreCase);

    // One string per common name instead of one per line: a card keeps its names as long as the app keeps the card.
    private static readonly Dictionary<string, string> CommonNames = new[]
    {
        "BEGIN", "END", "VERSION", "FN", "N", "NICKNAME", "EMAIL", "TEL", "ADR", "ORG", "TITLE", "ROLE", "NOTE", "URL",
        "BDAY", "ANNIVERSARY", "GENDER", "PHOTO", "CATEGORIES", "UID", "REV", "PRODID", "IMPP", "X-ABLABEL", "X-ABUID",
        "TYPE", "PREF", "VALUE", "LABEL", "ENCODING", "CHARSET",
    }.ToDictionary(n => n, StringComparer.Ordinal);

    private ContentLineHeader(string? group, string name, Dictionary<string, List<string>> parameters, int valueStart)
    {
        Group = group;
        Name = name;
        Parameters = parameters;
        ValueStart = valueStart;
        // Computed once: the line reader asks for every physical line of a long value.
        IsQuotedPrintable = HasEncoding("QUOTED-PRINTABLE");
        IsBase64 = HasEncoding("B") || HasEncoding("BASE64");
    }

    public string? Group { get; }

    public string Name { get; }

    public Dictionary<string, List<string>> Parameters { get; }

    /// <summary>Offset of the value's first byte within the line.</summary>
    public int ValueStart { get; }

    public bool IsQuotedPrintable { get; }

    public bool IsBase64 { get; }

    public string? Charset => Parameters.TryGetValue("CHARSET", out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>Returns the header, or null with a reason fit for "Line 12: {reason}.".</summary>
    public static ContentLineHeader? Parse(ReadOnlySpan<byte> line, out string? error)
    {
        // Real headers are short; the cap keeps a hostile one from becoming millions of parameter strings.
        var header = ParseWithin(line[..Math.Min(line.Length, MaxHeaderLength)], out error);
        if (header is null && line.Length > MaxHeaderLength)
        {
            error = "this line has no ':' within its first 100,000 characters";
        }
        return header;
    }

    private static ContentLineHeader? ParseWithin(ReadOnlySpan<byte> line, out string? error)
    {
        error = null;
        var pos = 0;
        while (pos < line.Length && line[pos] is (byte)' ' or (byte)'\t') pos++;
        var first = ReadToken(line, ref pos);
        if (first.Length == 0)
        {
            error = "this line is not a vCard property (it should start with a name such as EMAIL or TEL)";
            return null;
        }
        string? group = null;
        var name = first;
        if (pos < line.Length && line[pos] == (byte)'.')
        {
            pos++;
            group = first;
            name = ReadToken(line, ref pos);
            if (name.Length == 0)
            {
                error = "this line has a group but no property name after the dot";
                return null;
            }
        }

        Dictionary<string, List<string>>? parameters = null;
        while (true)
        {
            if (pos >= line.Length)
            {
                error = "this line has no ':' between the property name and its value";
                return null;
            }
            if (line[pos] == (byte)':')
            {
                return new ContentLineHeader(group, Common(name), parameters ?? NoParameters, pos + 1);
            }
            if (line[pos] != (byte)';')
            {
                error = "this line has an unexpected character in its property name or parameters";
                return null;
            }
            pos++;
            var parameterName = ReadToken(line, ref pos);
            if (parameterName.Length == 0)
            {
                if (pos < line.Length && line[pos] is (byte)';' or (byte)':') continue; // "TEL;;WORK:" - an empty slot
                error = "this line has a parameter without a name";
                return null;
            }
            if (pos < line.Length && line[pos] == (byte)'=')
            {
                pos++;
                var values = ReadParameterValues(line, ref pos, out error);
                if (values is null) return null;
                AddValues(ref parameters, Common(parameterName), values);
            }
            else
            {
                AddValues(ref parameters, EncodingWords.Contains(parameterName) ? "ENCODING" : "TYPE", [parameterName]);
            }
        }
    }

    private bool HasEncoding(string encoding) =>
        Parameters.TryGetValue("ENCODING", out var values)
        && values.Exists(v => string.Equals(v.Trim(), encoding, StringComparison.OrdinalIgnoreCase));

    private static List<string>? ReadParameterValues(ReadOnlySpan<byte> line, ref int pos, out string? error)
    {
        error = null;
        var values = new List<string>();
        while (true)
        {
            if (pos < line.Length && line[pos] == (byte)'"')
            {
                var close = line[(pos + 1)..].IndexOf((byte)'"');
                if (close < 0)
                {
                    error = "this line has a parameter value whose opening quote never closes";
                    return null;
                }
                values.Add(VCardText.DecodeParameter(VCardEncodings.Decode(line.Slice(pos + 1, close))));
                pos += close + 2;
            }
            else
            {
                var stop = line[pos..].IndexOfAny(";:,"u8);
                if (stop < 0)
                {
                    error = "this line has no ':' between the property name and its value";
                    return null;
                }
                values.Add(VCardText.DecodeParameter(VCardEncodings.Decode(line.Slice(pos, stop))));
                pos += stop;
            }
            if (pos < line.Length && line[pos] == (byte)',')
            {
                pos++;
                continue;
            }
            return values;
        }
    }

    private static void AddValues(ref Dictionary<string, List<string>>? parameters, string name, List<string> values)
    {
        parameters ??= new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        if (parameters.TryGetValue(name, out var existing)) existing.AddRange(values);
        else parameters[name] = values;
    }

    private static string Common(string name)
    {
        var upper = name.ToUpperInvariant();
        return CommonNames.TryGetValue(upper, out var common) ? common : upper;
    }

    /// <summary>Reads a name: letters, digits, '-' and (leniently, as some exporters use it) '_'.</summary>
    private static string ReadToken(ReadOnlySpan<byte> line, ref int pos)
    {
        var start = pos;
        while (pos < line.Length && IsNameByte(line[pos])) pos++;
        return Encoding.ASCII.GetString(line[start..pos]);
    }

    internal static bool IsNameByte(byte b) =>
        b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9'
            or (byte)'-' or (byte)'_';
}

using System.Text;

namespace Rapport.Formats.VCard;

/// <summary>Backslash escapes in values and RFC 6868 caret escapes in parameter values, both directions.</summary>
internal static class VCardText
{
    /// <summary>Properties whose value is components separated by ';'.</summary>
    public static readonly HashSet<string> Structured = new(["N", "ADR", "ORG", "GENDER"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Properties whose value is a list separated by ','.</summary>
    public static readonly HashSet<string> Lists = new(["CATEGORIES", "NICKNAME"], StringComparer.OrdinalIgnoreCase);

    // Values that are URIs by default (RFC 6350); a comma in them ("geo:52.1,4.3") is not escaped.
    private static readonly HashSet<string> UriValued = new(
        ["URL", "SOURCE", "PHOTO", "LOGO", "SOUND", "MEMBER", "IMPP", "FBURL", "CALURI", "CALADRURI", "GEO"],
        StringComparer.OrdinalIgnoreCase);

    public static bool IsUri(VCardProperty property) =>
        property.Parameters.TryGetValue("VALUE", out var types) && types.Count > 0
            ? string.Equals(types[0], "uri", StringComparison.OrdinalIgnoreCase)
            : UriValued.Contains(property.Name);

    /// <summary>Removes backslash escapes. vCard 3.0 and 4.0: \n \N (newline), \\ \, \; and, leniently, \:.
    /// vCard 2.1 defines only \; (and some writers add \,); there a backslash before anything else is text,
    /// since 2.1 files carry Windows paths ("C:\new") unescaped. An unknown escape is kept as written.</summary>
    public static string Unescape(string raw, bool version21)
    {
        if (!raw.Contains('\\')) return raw;
        var text = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c != '\\' || i + 1 == raw.Length)
            {
                text.Append(c);
                continue;
            }
            var next = raw[i + 1];
            if (version21)
            {
                if (next is ';' or ',') { text.Append(next); i++; }
                else text.Append(c);
                continue;
            }
            switch (next)
            {
                case 'n' or 'N': text.Append('\n'); i++; break;
                case '\\' or ',' or ';' or ':': text.Append(next); i++; break;
                default: text.Append(c); break;
            }
        }
        return text.ToString();
    }

    /// <summary>Splits at every <paramref name="separator"/> not escaped by a backslash, then unescapes each part.</summary>
    public static List<string> SplitAndUnescape(string raw, char separator, bool version21)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\\' && i + 1 < raw.Length && (!version21 || raw[i + 1] is ';' or ','))
            {
                i++; // skip the escaped character; in 2.1 a backslash escapes only ';' and ','
                continue;
            }
            if (raw[i] != separator) continue;
            parts.Add(Unescape(raw[start..i], version21));
            start = i + 1;
        }
        parts.Add(Unescape(raw[start..], version21));
        return parts;
    }

    /// <summary>Escapes one text value or component for writing. ',' is always escaped (RFC 6350 3.4); ';'
    /// only where it would split components: RFC 6350's text grammar allows a bare ';', and readers such as
    /// ical.js do not unescape "\;" outside structured values. Every CR, LF or CRLF becomes \n, so a value
    /// can never start a new line.</summary>
    public static string Escape(string value, bool escapeSemicolon, bool escapeComma = true)
    {
        var text = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\': text.Append(@"\\"); break;
                case ',' when escapeComma: text.Append(@"\,"); break;
                case ';' when escapeSemicolon: text.Append(@"\;"); break;
                case '\r':
                    text.Append(@"\n");
                    if (i + 1 < value.Length && value[i + 1] == '\n') i++;
                    break;
                case '\n': text.Append(@"\n"); break;
                default: AppendPrintable(text, value, ref i); break;
            }
        }
        return text.ToString();
    }

    /// <summary>A URI is written as is (RFC 6350 does not escape URIs), except that line breaks become \n
    /// and backslashes are doubled, so the reader, which unescapes every value, gets the same text back.</summary>
    public static string EscapeUri(string value) => Escape(value, escapeSemicolon: false, escapeComma: false);

    /// <summary>RFC 6868: ^n is a newline, ^' a double quote, ^^ a caret; any other ^ is kept.</summary>
    public static string DecodeParameter(string value)
    {
        if (!value.Contains('^')) return value;
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '^' && i + 1 < value.Length)
            {
                var next = value[i + 1];
                var decoded = next switch { 'n' or 'N' => "\n", '\'' => "\"", '^' => "^", _ => null };
                if (decoded is not null)
                {
                    text.Append(decoded);
                    i++;
                    continue;
                }
            }
            text.Append(c);
        }
        return text.ToString();
    }

    /// <summary>Encodes a parameter value (RFC 6868) and quotes it when it holds ':' ';' or ','.</summary>
    public static string EncodeParameter(string value)
    {
        var text = new StringBuilder(value.Length + 2);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '^': text.Append("^^"); break;
                case '"': text.Append("^'"); break;
                case '\r':
                    text.Append("^n");
                    if (i + 1 < value.Length && value[i + 1] == '\n') i++;
                    break;
                case '\n': text.Append("^n"); break;
                default: AppendPrintable(text, value, ref i); break;
            }
        }
        var encoded = text.ToString();
        return encoded.AsSpan().IndexOfAny(":;,") >= 0 ? "\"" + encoded + "\"" : encoded;
    }

    /// <summary>Appends value[i] unless it is a control character (C0, DEL, C1: not allowed in vCard text, and
    /// some readers take U+0085 as a line break; tab is kept);
    /// a lone surrogate becomes U+FFFD so that the UTF-8 length used for folding is the one written.</summary>
    private static void AppendPrintable(StringBuilder text, string value, ref int i)
    {
        var c = value[i];
        if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
        {
            text.Append(c).Append(value[i + 1]);
            i++;
        }
        else if (char.IsSurrogate(c)) text.Append('\uFFFD');
        else if (c == '\t' || !char.IsControl(c)) text.Append(c);
    }
}

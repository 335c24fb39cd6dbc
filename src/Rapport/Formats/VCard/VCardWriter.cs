using System.Text;

namespace Rapport.Formats.VCard;

/// <summary>Writes vCard 4.0: CRLF line ends, lines folded at 75 octets of UTF-8 without splitting a
/// character, every value escaped so that no value or parameter can start a line of its own.</summary>
/// <remarks>
/// N, ADR, ORG and GENDER are written from <see cref="VCardProperty.Components"/> (';' between components,
/// ';' and ',' escaped inside them); CATEGORIES and NICKNAME from their items (',' between items); every
/// other property from <see cref="VCardProperty.Value"/>. A text value escapes backslash, comma and line
/// breaks; ';' is escaped only inside components (RFC 6350 allows it bare elsewhere, and ical.js would keep
/// a "\;" there). URI values (URL, PHOTO, GEO, VALUE=uri...) keep their commas. Line breaks of any kind
/// (CR, LF, CRLF) are written as \n and read back as LF; other control characters are dropped. Parameter
/// values use RFC 6868 (^n, ^', ^^) and are quoted when they hold ':' ';' or ','. ENCODING and CHARSET
/// parameters are not written: values are always plain UTF-8 text here.
/// </remarks>
public static class VCardWriter
{
    private const int MaxOctets = 75;

    /// <exception cref="ArgumentException">A property, group or parameter name holds a character other than
    /// a letter, digit, '-' or '_' (such a name could break the line structure).</exception>
    public static void Write(TextWriter writer, IEnumerable<VCard> cards)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(cards);
        foreach (var card in cards)
        {
            writer.Write("BEGIN:VCARD\r\nVERSION:4.0\r\n");
            foreach (var property in card.Properties)
            {
                if (property.Name is "VERSION" or "BEGIN" or "END") continue;
                WriteFolded(writer, ContentLine(property));
            }
            writer.Write("END:VCARD\r\n");
        }
    }

    public static string Write(IEnumerable<VCard> cards)
    {
        using var writer = new StringWriter();
        Write(writer, cards);
        return writer.ToString();
    }

    private static string ContentLine(VCardProperty property)
    {
        var line = new StringBuilder();
        if (!string.IsNullOrEmpty(property.Group)) line.Append(CheckName(property.Group, "group")).Append('.');
        line.Append(CheckName(property.Name, "property"));
        foreach (var (name, values) in property.Parameters)
        {
            if (values.Count == 0 || name is "ENCODING" or "CHARSET") continue;
            line.Append(';').Append(CheckName(name, "parameter")).Append('=');
            line.AppendJoin(',', values.Select(VCardText.EncodeParameter));
        }
        line.Append(':').Append(EscapedValue(property));
        return line.ToString();
    }

    private static string EscapedValue(VCardProperty property)
    {
        if (VCardText.Structured.Contains(property.Name))
            return string.Join(';', property.Components.Select(c => VCardText.Escape(c, escapeSemicolon: true)));
        if (VCardText.Lists.Contains(property.Name))
            return string.Join(',', property.Components.Select(c => VCardText.Escape(c, escapeSemicolon: false)));
        return VCardText.IsUri(property)
            ? VCardText.EscapeUri(property.Value)
            : VCardText.Escape(property.Value, escapeSemicolon: false);
    }

    private static string CheckName(string name, string what)
    {
        if (name.Length == 0 || !name.All(c => c < 128 && ContentLineHeader.IsNameByte((byte)c)))
        {
            throw new ArgumentException($"The {what} name \"{name}\" may hold only letters, digits, '-' and '_'.", nameof(name));
        }
        return name;
    }

    /// <summary>Writes the line in pieces of at most 75 UTF-8 octets, each continuation starting with a
    /// space; it breaks between Unicode scalar values, never inside one.</summary>
    private static void WriteFolded(TextWriter writer, string line)
    {
        var octets = 0;
        var pieceStart = 0;
        var i = 0;
        while (i < line.Length)
        {
            var width = char.IsHighSurrogate(line[i]) && i + 1 < line.Length && char.IsLowSurrogate(line[i + 1]) ? 2 : 1;
            var size = width == 2 ? 4 : line[i] < 0x80 ? 1 : line[i] < 0x800 ? 2 : 3;
            if (octets + size > MaxOctets)
            {
                writer.Write(line.AsSpan(pieceStart, i - pieceStart));
                writer.Write("\r\n ");
                pieceStart = i;
                octets = 1; // the leading space
            }
            octets += size;
            i += width;
        }
        writer.Write(line.AsSpan(pieceStart));
        writer.Write("\r\n");
    }
}

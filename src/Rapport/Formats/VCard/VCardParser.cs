using System.Globalization;
using System.Text;

namespace Rapport.Formats.VCard;

/// <summary>Reads logical lines into cards: BEGIN/END bookkeeping, per-card problems, and the one nesting
/// vCard allows (a 2.1 AGENT's card, which is skipped).</summary>
internal sealed class VCardParser
{
    private const int MaxProblems = 1000;
    private const string OutsideAnyCard = "this line is outside any card (not between BEGIN:VCARD and END:VCARD)";

    // Properties whose inline data (a data: URI) is binary, not text.
    private static readonly HashSet<string> DataUriProperties =
        new(["PHOTO", "LOGO", "SOUND", "KEY"], StringComparer.OrdinalIgnoreCase);

    private readonly List<VCard> _cards = [];
    private readonly List<VCardProblem> _problems = [];
    private CardInProgress? _card;
    private int _agentDepth;
    private int _cardsBegun;
    private int _properties;
    private bool _sawCalendar;

    public static VCardReadResult Parse(byte[] buffer, int start, int end) =>
        new VCardParser().Run(new ContentLineReader(buffer, start, end));

    private VCardReadResult Run(ContentLineReader lines)
    {
        while (lines.MoveNext())
        {
            if (_problems.Count >= MaxProblems)
            {
                Problem(lines.LineNumber,
                    Invariant($"there are more than {MaxProblems:N0} problems; the rest of the file was not read"));
                _card = null;
                break;
            }
            var header = lines.Header;
            if (header is null)
            {
                if (_agentDepth == 0) LineProblem(lines.LineNumber, lines.HeaderError!);
                continue;
            }
            var value = lines.Line[header.ValueStart..];
            if (header.Name == "BEGIN")
            {
                var fileError = Begin(lines.LineNumber, value);
                if (fileError is not null) return VCardReadResult.Unusable(fileError);
            }
            else if (header.Name == "END") End(lines.LineNumber, value);
            else if (_agentDepth > 0) continue;
            else if (_card is null) Problem(lines.LineNumber, OutsideAnyCard);
            else if (++_properties > VCardReader.MaxProperties)
            {
                var error = Invariant($"The file holds more than {VCardReader.MaxProperties:N0} properties.");
                return VCardReadResult.Unusable(error);
            }
            else AddProperty(lines.LineNumber, header, lines.Line);
        }
        if (_card is not null) NeverEnds(_card);
        if (_cardsBegun == 0)
        {
            return VCardReadResult.Unusable(_sawCalendar
                ? "This looks like an iCalendar file, not a vCard."
                : "This file is not a vCard: no BEGIN:VCARD found.");
        }
        return new VCardReadResult(_cards, _problems, null);
    }

    private string? Begin(int line, ReadOnlySpan<byte> value)
    {
        if (_agentDepth > 0)
        {
            if (Is(value, "VCARD"u8)) _agentDepth++;
            return null;
        }
        if (!Is(value, "VCARD"u8))
        {
            if (Is(value, "VCALENDAR"u8)) _sawCalendar = true;
            LineProblem(line, $"BEGIN:{Shorten(value)} is not a vCard part");
            return null;
        }
        if (_card is not null)
        {
            if (_card.EndsWithEmptyAgent())
            {
                _card.RemoveLast();
                _agentDepth = 1;
                return null;
            }
            NeverEnds(_card);
        }
        if (++_cardsBegun > VCardReader.MaxCards)
        {
            return Invariant($"The file holds more than {VCardReader.MaxCards:N0} cards.");
        }
        _card = new CardInProgress(line);
        return null;
    }

    private void End(int line, ReadOnlySpan<byte> value)
    {
        if (_agentDepth > 0)
        {
            if (Is(value, "VCARD"u8)) _agentDepth--;
            return;
        }
        if (!Is(value, "VCARD"u8))
        {
            LineProblem(line, $"END:{Shorten(value)} is not a vCard part");
            return;
        }
        if (_card is null)
        {
            Problem(line, "END:VCARD without a BEGIN:VCARD before it");
            return;
        }
        if (!_card.Broken) _cards.Add(_card.Build());
        _card = null;
    }

    private void AddProperty(int line, ContentLineHeader header, ReadOnlySpan<byte> content)
    {
        var value = content[header.ValueStart..];
        // Inline binaries are never read as text. The first photo is decoded up to its size limit (a larger one only
        // measured, which keeps a 20 MB photo cheap); logos, sounds and keys are dropped.
        if (header.IsBase64 || (DataUriProperties.Contains(header.Name) && StartsWithDataScheme(value)))
        {
            if (header.Name == "PHOTO" && _card is { Photo: null } card) card.Photo = VCardPhoto.Read(value.TrimStart(" \t"u8), header.IsBase64);
            return;
        }
        // Bytes are never fewer than characters, so short lines need no counting.
        if (content.Length > VCardReader.MaxLineLength && VCardEncodings.CharCount(content) > VCardReader.MaxLineLength)
        {
            CardProblem(line, Invariant($"this line is longer than {VCardReader.MaxLineLength:N0} characters"));
            return;
        }
        string text;
        if (header.IsQuotedPrintable)
        {
            var decoded = QuotedPrintable.Decode(value, out var invalid);
            if (decoded is null)
            {
                CardProblem(line, $"the quoted-printable value is damaged (\"{invalid}\" is not an encoded byte)");
                return;
            }
            text = VCardEncodings.Decode(decoded, header.Charset, quotedPrintable: true);
        }
        else
        {
            text = VCardEncodings.Decode(value, header.Charset, quotedPrintable: false);
        }
        _card!.Add(header, text);
    }

    /// <summary>A line that is not a usable property: a problem of its card, or a stray line outside any card.</summary>
    private void LineProblem(int line, string reason)
    {
        if (_card is not null) CardProblem(line, reason);
        else Problem(line, OutsideAnyCard);
    }

    private void CardProblem(int line, string reason)
    {
        _card!.Broken = true;
        Problem(line, reason);
    }

    private void NeverEnds(CardInProgress card)
    {
        Problem(card.Line, "a card starts here but never ends (no END:VCARD)");
        _card = null;
        _agentDepth = 0;
    }

    private void Problem(int line, string reason) =>
        _problems.Add(new VCardProblem(line, Invariant($"Line {line}: {reason}.")));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static bool Is(ReadOnlySpan<byte> value, ReadOnlySpan<byte> expected) =>
        Ascii.EqualsIgnoreCase(value.Trim(" \t"u8), expected);

    private static bool StartsWithDataScheme(ReadOnlySpan<byte> value)
    {
        var trimmed = value.TrimStart(" \t"u8);
        return trimmed.Length >= 5 && Ascii.EqualsIgnoreCase(trimmed[..5], "data:"u8);
    }

    private static string Shorten(ReadOnlySpan<byte> value)
    {
        var trimmed = value.Trim(" \t"u8);
        return VCardEncodings.Decode(trimmed[..Math.Min(trimmed.Length, 40)]);
    }
}

using System.Globalization;
using System.Text;

namespace Rapport.Domain;

/// <summary>Fills {{field}} markers from the allowlist in <see cref="TemplateFields"/>. Deliberately a
/// substitution, not a template language: no helpers, loops, conditions or paths, so a template
/// written by anyone (an administrator's shared one included) can only show the listed values.</summary>
public static class MessageTemplate
{
    public const int MaxLength = 10_000;

    // Long enough to recognise the markup, short enough to keep a message readable.
    private const int QuoteLength = 40;

    public static IReadOnlyList<TemplateProblem> Validate(string? text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        // Past the limit, one problem says it all; listing thousands more would bury it.
        if (text.Length > MaxLength)
        {
            return [new(string.Create(CultureInfo.InvariantCulture,
                $"The message is too long: {text.Length:N0} characters, and the limit is {MaxLength:N0}. Shorten it."))];
        }

        var problems = new List<TemplateProblem>();
        foreach (var token in Scan(text))
        {
            var typed = text.Substring(token.Start, token.Length);
            var message = token.Kind switch
            {
                TokenKind.Unknown => $"Unknown field {Braced(token.Name)}: choose one from the list.",
                TokenKind.Empty => $"Empty field '{Quote(typed)}'.",
                TokenKind.Unclosed => $"A field is not closed: '{Quote(typed.TrimEnd())}' needs '}}}}'.",
                TokenKind.TooManyBraces =>
                    $"Too many braces in '{Quote(typed)}': a field takes two on each side, like '{Braced(token.Name)}'.",
                TokenKind.StrayClose => "A '}}' has no '{{' before it: remove it, or add '{{' to start the field.",
                _ => null,
            };
            if (message is not null) problems.Add(new TemplateProblem(message));
        }
        return problems;
    }

    public static IReadOnlyList<string> FieldsUsed(string? text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        return Scan(text).Where(t => t.Kind == TokenKind.Field).Select(t => t.Name).Distinct(StringComparer.Ordinal).ToList();
    }

    public static IReadOnlyList<string> MissingFields(string? text, IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return FieldsUsed(text).Where(name => ValueOf(name, values) is null).ToList();
    }

    public static string Render(string? text, IReadOnlyDictionary<string, string?> values, bool isSubject = false)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (string.IsNullOrEmpty(text)) return "";

        var sb = new StringBuilder(text.Length);
        // One pass: a value is appended, never scanned, so "{{...}}" inside a value stays literal.
        foreach (var token in Scan(text))
        {
            if (token.Kind == TokenKind.Field)
                sb.Append(ValueOf(token.Name, values) ?? $"[{token.Name}]");
            else
                sb.Append(text, token.Start, token.Length);
        }
        return isSubject ? OneLine(sb.ToString()) : sb.ToString();
    }

    private static string? ValueOf(string name, IReadOnlyDictionary<string, string?> values) =>
        values.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>A subject is one header line: any line break, from the template or a value, becomes a
    /// space, so "Ada\r\nBcc: ..." cannot add a header.</summary>
    private static string OneLine(string text)
    {
        var sb = new StringBuilder(text.Length);
        var inBreak = false;
        foreach (var c in text)
        {
            if (IsLineBreak(c))
            {
                if (!inBreak) sb.Append(' ');
                inBreak = true;
                continue;
            }
            sb.Append(c);
            inBreak = false;
        }
        return sb.ToString().Trim();
    }

    // VT and FF are not header breaks, but no subject needs them and some clients treat them as one.
    private static bool IsLineBreak(char c) => c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029' or '\v' or '\f';

    private static string Braced(string name) => "{{" + Quote(name) + "}}";

    private static string Quote(string text)
    {
        if (text.Length <= QuoteLength) return text;
        // Never cut a surrogate pair in half.
        var cut = char.IsHighSurrogate(text[QuoteLength - 1]) ? QuoteLength - 1 : QuoteLength;
        return text[..cut] + "…";
    }

    private enum TokenKind { Text, Field, Unknown, Empty, Unclosed, TooManyBraces, StrayClose }

    /// <summary>A run of the template: Start and Length locate it in the text; Name is the trimmed
    /// content of a field's braces.</summary>
    private readonly record struct Token(TokenKind Kind, int Start, int Length, string Name = "");

    /// <summary>Splits the text into runs with a plain loop. Every character is looked at a bounded
    /// number of times, so a huge or hostile template costs linear time and no recursion.</summary>
    private static List<Token> Scan(string text)
    {
        var tokens = new List<Token>();
        var textStart = 0;
        var i = 0;
        while (i < text.Length)
        {
            var opens = At(text, i, '{');
            if (!opens && !At(text, i, '}'))
            {
                i++;
                continue;
            }
            if (i > textStart) tokens.Add(new Token(TokenKind.Text, textStart, i - textStart));
            i = opens ? ReadField(text, i, tokens) : ReadStrayClose(text, i, tokens);
            textStart = i;
        }
        if (i > textStart) tokens.Add(new Token(TokenKind.Text, textStart, i - textStart));
        return tokens;
    }

    /// <summary>True when text has two copies of brace at i.</summary>
    private static bool At(string text, int i, char brace) =>
        i + 1 < text.Length && text[i] == brace && text[i + 1] == brace;

    private static int ReadField(string text, int start, List<Token> tokens)
    {
        var inner = start;
        while (inner < text.Length && text[inner] == '{') inner++;
        var braces = inner - start;

        // A field ends at "}}". A new "{{" or a line break first means this one was never closed;
        // stopping there keeps the report next to the mistake and the scan linear.
        var close = inner;
        while (close < text.Length && !At(text, close, '}') && !At(text, close, '{') && !IsLineBreak(text[close]))
            close++;
        if (!At(text, close, '}'))
        {
            tokens.Add(new Token(TokenKind.Unclosed, start, close - start));
            return close;
        }

        var name = text[inner..close].Trim();
        var end = close + 2;
        if (braces > 2)
        {
            // "{{{x}}}" is Handlebars' unescaped output. Rapport has no such thing, so it is reported
            // rather than shown as "{value}"; the matching extra closing braces belong to it.
            for (var extra = braces - 2; extra > 0 && end < text.Length && text[end] == '}'; extra--) end++;
            tokens.Add(new Token(TokenKind.TooManyBraces, start, end - start, name));
        }
        else if (name.Length == 0)
            tokens.Add(new Token(TokenKind.Empty, start, end - start));
        else
            tokens.Add(new Token(TemplateFields.IsKnown(name) ? TokenKind.Field : TokenKind.Unknown, start, end - start, name));
        return end;
    }

    private static int ReadStrayClose(string text, int start, List<Token> tokens)
    {
        var end = start;
        while (end < text.Length && text[end] == '}') end++;
        tokens.Add(new Token(TokenKind.StrayClose, start, end - start));
        return end;
    }
}

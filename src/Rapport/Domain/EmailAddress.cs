namespace Rapport.Domain;

/// <summary>A plain address check: one @, a local part of 1 to 64 characters, a domain with a dot,
/// nothing a mail client would read as a second address or a header. No regular expression, so no
/// input can make it slow.</summary>
public static class EmailAddress
{
    public const int MaxLength = 254;

    public static bool IsValid(string? address)
    {
        if (string.IsNullOrEmpty(address) || address.Length > MaxLength) return false;
        var at = address.IndexOf('@');
        if (at <= 0 || at != address.LastIndexOf('@') || at > 64) return false;
        var local = address.AsSpan(0, at);
        var domain = address.AsSpan(at + 1);
        if (local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal)) return false;
        foreach (var c in local)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or '(' or ')' or '[' or ']' or ',' or ';' or ':' or '\\' or '"') return false;
        }
        if (domain.Length < 3 || !domain.Contains('.')) return false;
        foreach (var label in domain.ToString().Split('.'))
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-') return false;
            foreach (var c in label)
            {
                if (!(char.IsLetterOrDigit(c) || c == '-')) return false;
            }
        }
        return true;
    }
}

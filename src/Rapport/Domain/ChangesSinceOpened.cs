using System.Security.Cryptography;
using System.Text;

namespace Rapport.Domain;

/// <summary>What someone else changed in a record since a form was opened, field by field, said the way
/// the person reads the form. The form carries a fingerprint of the values it opened with (a short hash
/// per field, not the text again), so a field the other save changed can be told from one the person
/// typed into.</summary>
public static class ChangesSinceOpened
{
    private const int ShownLength = 60;

    /// <summary>"3f2a9c.00e1b4...": one hash per field, in the form's order.</summary>
    public static string Fingerprint(IReadOnlyList<FormField> fields) => string.Join('.', fields.Select(f => Hash(f.Value)));

    /// <summary>True when none of the form's fields differ from when it was opened, so a save elsewhere
    /// (of fields this form does not show) need not stop it.</summary>
    public static bool NoneChanged(string? openedFingerprint, IReadOnlyList<FormField> saved) =>
        openedFingerprint is not null && openedFingerprint == Fingerprint(saved);

    /// <summary>The lines to show: one per field changed since the form was opened. Without a usable
    /// fingerprint (a form from an older page), every field whose saved value differs from the typed one.</summary>
    public static IReadOnlyList<string> Describe(string? openedFingerprint, IReadOnlyList<FormField> saved, IReadOnlyList<FormField> typed)
    {
        var opened = openedFingerprint?.Split('.');
        var known = opened is not null && opened.Length == saved.Count;
        var lines = new List<string>();
        for (var i = 0; i < saved.Count; i++)
        {
            var now = Normal(saved[i].Value);
            var yours = i < typed.Count ? Normal(typed[i].Value) : "";
            var changed = known ? Hash(now) != opened![i] : now != yours;
            if (!changed) continue;
            var what = now.Length == 0 ? $"{saved[i].Label} was cleared" : $"{saved[i].Label} was changed to {Quote(now)}";
            var untouched = known && Hash(yours) == opened![i];
            lines.Add(yours == now ? $"{what} (as you typed)."
                : untouched ? (yours.Length == 0 ? $"{what} (your form has it empty)." : $"{what} (your form still has {Quote(yours)}).")
                : yours.Length == 0 ? $"{what} (you cleared it)." : $"{what} (you typed {Quote(yours)}).");
        }
        return lines;
    }

    /// <summary>Line ends as browsers send them from a text box (CRLF) equal the stored ones, and blank equals missing.</summary>
    private static string Normal(string? value) => string.IsNullOrWhiteSpace(value) ? "" : value.Replace("\r\n", "\n").Trim();

    private static string Hash(string? value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normal(value))))[..8];

    private static string Quote(string value)
    {
        var flat = value.ReplaceLineEndings(" ");
        if (flat.Length <= ShownLength) return $"'{flat}'";
        var cut = char.IsHighSurrogate(flat[ShownLength - 1]) ? ShownLength - 1 : ShownLength;
        return $"'{flat[..cut].TrimEnd()}…'";
    }
}

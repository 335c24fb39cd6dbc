namespace Rapport.Domain;

/// <summary>Giving a contact its tags, the same from the form, the bulk action and the imports.</summary>
public static class Tagging
{
    /// <summary>Keeps existing tag rows whose folded name stays, so unchanged tags are not rewritten.</summary>
    public static void SetTags(this Contact contact, IReadOnlyList<string> names)
    {
        var wanted = names.Select(ContactTag.Named).ToList();
        contact.Tags.RemoveAll(t => wanted.All(w => w.NormalizedName != t.NormalizedName));
        foreach (var tag in wanted.Where(w => contact.Tags.All(t => t.NormalizedName != w.NormalizedName))) contact.Tags.Add(tag);
    }
}

using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;

namespace Rapport.Features.People;

/// <summary>The columns the people table sorts by (names in the address, so they stay as they are).</summary>
public enum ContactSort
{
    Name,
    Organization,
    LastContact,
    Priority,
    Source,
    Stage,
    NextTask,
}

/// <summary>What the people list is narrowed to: bound from the query string, so every view of the
/// list has an address that can be bookmarked and shared with oneself.</summary>
public sealed class ContactFilter
{
    public string? Q { get; set; }
    public int? Field { get; set; }
    public int? Org { get; set; }
    public ContactSource? Source { get; set; }
    public Priority? Priority { get; set; }
    public string? Tag { get; set; }
    public bool Alumni { get; set; }
    public bool Never { get; set; }

    /// <summary>"Not in touch for N months" (and never contacted counts as not in touch).</summary>
    public int? Quiet { get; set; }

    /// <summary>null: everyone; true: only "do not contact"; false: hide them.</summary>
    public bool? Dnc { get; set; }

    public ContactSort Sort { get; set; } = ContactSort.Name;

    /// <summary>"asc" or "desc"; anything else is the column's own direction (<see cref="Ascending"/>).</summary>
    public string? Dir { get; set; }

    /// <summary>Each column first sorts the way it is most often read: the most recent contact first, every other A to Z,
    /// the earliest task, the first stage, high priority first.</summary>
    public static bool AscendingFirst(ContactSort sort) => sort != ContactSort.LastContact;

    public bool Ascending => Dir switch
    {
        "asc" => true,
        "desc" => false,
        _ => AscendingFirst(Sort),
    };

    /// <summary>A sort or direction the list does not know (a hand-edited address) becomes the default, never an error.</summary>
    public void Settle()
    {
        if (!Enum.IsDefined(Sort)) Sort = ContactSort.Name;
        Dir = Ascending == AscendingFirst(Sort) ? null : Ascending ? "asc" : "desc";
    }

    public bool IsNarrowed => !string.IsNullOrWhiteSpace(Q) || HasFilters;

    /// <summary>Narrowed by anything besides the search words.</summary>
    public bool HasFilters => Field is not null || Org is not null || Source is not null || Priority is not null
        || !string.IsNullOrWhiteSpace(Tag) || Alumni || Never || Quiet is not null || Dnc is not null;

    public IQueryable<Contact> Apply(IQueryable<Contact> contacts, ContactFullText.Matches? matches, DateOnly today)
    {
        contacts = contacts.Matching(matches);
        if (Field is int field) contacts = contacts.Where(c => c.Fields.Any(f => f.CareerFieldId == field));
        if (Org is int org) contacts = contacts.Where(c => c.OrganizationId == org);
        if (Source is { } source) contacts = contacts.Where(c => c.Source == source);
        if (Priority is { } priority) contacts = contacts.Where(c => c.Priority == priority);
        if (!string.IsNullOrWhiteSpace(Tag))
        {
            var tag = Folding.Fold(Tag);
            contacts = contacts.Where(c => c.Tags.Any(t => t.NormalizedName == tag));
        }
        if (Alumni) contacts = contacts.Where(c => c.AlumniOf != null || c.Source == ContactSource.Alumni);
        if (Never) contacts = contacts.Where(c => c.LastContactedOn == null);
        if (Quiet is int months && months > 0)
        {
            var since = today.AddMonths(-Math.Min(months, 1200));
            contacts = contacts.Where(c => c.LastContactedOn == null || c.LastContactedOn < since);
        }
        if (Dnc is bool dnc) contacts = contacts.Where(c => c.DoNotContact == dnc);
        return contacts;
    }

    /// <summary>The filter as route values, for links that keep it (pages, sort).</summary>
    public Dictionary<string, string> RouteValues(int? page = null, ContactSort? sort = null, bool? ascending = null) => new Dictionary<string, string?>
    {
        ["q"] = string.IsNullOrWhiteSpace(Q) ? null : Q,
        ["field"] = Field?.ToString(),
        ["org"] = Org?.ToString(),
        ["source"] = Source?.ToString(),
        ["priority"] = Priority?.ToString(),
        ["tag"] = string.IsNullOrWhiteSpace(Tag) ? null : Tag,
        ["alumni"] = Alumni ? "true" : null,
        ["never"] = Never ? "true" : null,
        ["quiet"] = Quiet?.ToString(),
        ["dnc"] = Dnc?.ToString().ToLowerInvariant(),
        ["sort"] = (sort ?? Sort) == ContactSort.Name ? null : (sort ?? Sort).ToString(),
        ["dir"] = (ascending ?? (sort is null ? Ascending : AscendingFirst(sort.Value))) is var up && up == AscendingFirst(sort ?? Sort) ? null : up ? "asc" : "desc",
        ["p"] = page is > 1 ? page.ToString() : null,
    }.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!);
}

using Microsoft.EntityFrameworkCore;
using Rapport.Data;

namespace Rapport.Features.People;

/// <summary>Two records of one person side by side, as the merge page shows them for the person to choose
/// the one to keep. One query whatever the size of the network.</summary>
public sealed record MergeChoice(MergeChoice.Side First, MergeChoice.Side Second)
{
    /// <summary>The SQL commands a view of the page sends, the sign-in check included: the tests and the
    /// benchmark hold the page to it.</summary>
    public const int SqlCommands = 2;

    public sealed record Side(
        int Id, string FirstName, string? LastName, string? OrganizationName, string? Title, string? LinkedInUrl, string? Notes,
        List<string> Emails, List<string> Phones, List<string> Tags, List<string> Fields)
    {
        public string FullName => Domain.Contact.FullNameOf(FirstName, LastName);
    }

    // Compiled once, like the contact page's reads. A handful of emails, phones, tags and fields each: one
    // joined query costs less than four more round trips.
    private static readonly Func<RapportDb, int, int, IAsyncEnumerable<Side>> FindBoth = EF.CompileAsyncQuery((RapportDb db, int a, int b) =>
        db.Contacts.AsNoTracking().Where(c => c.Id == a || c.Id == b).Select(c => new Side(
                c.Id, c.FirstName, c.LastName, c.Organization == null ? null : c.Organization.Name, c.Title, c.LinkedInUrl, c.Notes,
                c.Emails.OrderBy(e => e.Id).Select(e => e.Address).ToList(),
                c.Phones.OrderBy(p => p.Id).Select(p => p.Number).ToList(),
                c.Tags.OrderBy(t => t.Id).Select(t => t.Name).ToList(),
                // Field names by key, as on the contact page: joined in, SQLite builds every contact's fields to pick these two's.
                c.Fields.OrderBy(f => f.CareerFieldId)
                    .Select(f => db.CareerFields.Where(x => x.Id == f.CareerFieldId).Select(x => x.Name).FirstOrDefault() ?? "").ToList()))
            .AsSingleQuery());

    /// <summary>Null unless both are the person's own, distinct records.</summary>
    public static async Task<MergeChoice?> LoadAsync(RapportDb db, int a, int b)
    {
        if (a == b) return null;
        var both = new List<Side>();
        await foreach (var side in FindBoth(db, a, b)) both.Add(side);
        return both.Count == 2 ? new MergeChoice(both.Single(c => c.Id == a), both.Single(c => c.Id == b)) : null;
    }
}

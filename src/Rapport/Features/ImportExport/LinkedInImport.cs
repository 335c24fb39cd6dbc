using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Formats.LinkedIn;

namespace Rapport.Features.ImportExport;

public enum ImportOutcome
{
    New,
    Updated,
    Unchanged,
}

/// <summary>What one row of the file will do: make a contact, update one (and how), or nothing.</summary>
public sealed record PlannedRow(LinkedInConnection Row, ImportOutcome Outcome, int? ContactId, string? JobChange);

public sealed record LinkedInPlan(
    IReadOnlyList<PlannedRow> Rows, IReadOnlyList<ImportIssue> Rejected, IReadOnlyList<ImportIssue> Warnings,
    int EmptyRowsSkipped, int NewOrganizations)
{
    public int Count(ImportOutcome outcome) => Rows.Count(r => r.Outcome == outcome);
}

/// <summary>Imports LinkedIn's Connections.csv. Matches each row to a known contact by profile URL,
/// then email, then name and organization, so importing the same or a newer export never makes a
/// duplicate. A changed company or position since the last import is a job change, kept on the
/// contact's timeline. The whole import is one transaction.</summary>
public sealed class LinkedInImport(RapportDb db, TimeProvider clock)
{
    public async Task<LinkedInPlan> PlanAsync(ConnectionsFile file)
    {
        var known = await KnownContacts.LoadAsync(db);
        var organizations = await db.Organizations.AsNoTracking().Select(o => o.NormalizedName).ToListAsync();
        var knownOrganizations = organizations.ToHashSet(StringComparer.Ordinal);
        var newOrganizations = new HashSet<string>(StringComparer.Ordinal);
        var rejected = file.Rejected.ToList();
        var claimed = new Dictionary<int, int>();
        var rows = new List<PlannedRow>(file.Connections.Count);

        foreach (var row in file.Connections)
        {
            var company = string.IsNullOrWhiteSpace(row.Company) ? null : Organization.Normalize(row.Company);
            if (company is not null && !knownOrganizations.Contains(company)) newOrganizations.Add(company);
            var match = known.Find(row.ProfileUrl, row.Email, Folding.Fold($"{row.FirstName} {row.LastName}"), company);
            if (match is null)
            {
                rows.Add(new PlannedRow(row, ImportOutcome.New, null, null));
                continue;
            }
            if (claimed.TryGetValue(match.Id, out var firstLine))
            {
                rejected.Add(new ImportIssue(row.Line, $"Line {row.Line}: matches the same contact as line {firstLine}."));
                continue;
            }
            claimed[match.Id] = row.Line;
            var jobChange = JobChange(match, row);
            var changes = jobChange is not null
                || (row.ProfileUrl is not null && match.LinkedInUrl != row.ProfileUrl)
                || (row.Email is not null && !known.HasEmail(match.Id, row.Email))
                || (row.ConnectedOn is not null && match.ConnectedOn is null)
                || (match.LinkedInCompany is null && (row.Company is not null || row.Position is not null))
                || (match.OrganizationKey is null && company is not null)
                || (match.Title is null && row.Position is not null);
            rows.Add(new PlannedRow(row, changes ? ImportOutcome.Updated : ImportOutcome.Unchanged, match.Id, jobChange));
        }
        return new LinkedInPlan(rows, rejected.OrderBy(r => r.Line).ToList(), file.Warnings, file.EmptyRowsSkipped, newOrganizations.Count);
    }

    /// <summary>"Moved from Analyst at Acme to Lead Analyst at Globex", when the export differs from the last one.</summary>
    private static string? JobChange(KnownContact known, LinkedInConnection row)
    {
        if (known.LinkedInCompany is null && known.LinkedInPosition is null) return null;
        var sameCompany = Folding.Fold(known.LinkedInCompany) == Folding.Fold(row.Company);
        var samePosition = Folding.Fold(known.LinkedInPosition) == Folding.Fold(row.Position);
        if (sameCompany && samePosition) return null;
        return $"Moved from {Describe(known.LinkedInPosition, known.LinkedInCompany)} to {Describe(row.Position, row.Company)}";
    }

    private static string Describe(string? position, string? company) =>
        (position, company) switch
        {
            (null, null) => "no listed job",
            (_, null) => position!,
            (null, _) => company!,
            _ => $"{position} at {company}",
        };

    /// <summary>Applies the plan in one transaction: new organizations, new contacts, updates, job changes.</summary>
    public async Task<int> ApplyAsync(LinkedInPlan plan)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var organizations = await db.Organizations.ToDictionaryAsync(o => o.NormalizedName, StringComparer.Ordinal);
        Organization? OrganizationFor(string? name)
        {
            if (string.IsNullOrWhiteSpace(name)) return null;
            var key = Organization.Normalize(name);
            if (organizations.TryGetValue(key, out var found)) return found;
            var organization = new Organization();
            organization.Rename(name);
            organizations[key] = organization;
            db.Organizations.Add(organization);
            return organization;
        }

        var updateIds = plan.Rows.Where(r => r.Outcome == ImportOutcome.Updated).Select(r => r.ContactId!.Value).ToList();
        var tracked = new Dictionary<int, Contact>();
        foreach (var chunk in updateIds.Chunk(500))
        {
            var contacts = await db.Contacts.Where(c => chunk.Contains(c.Id))
                .Include(c => c.Emails).Include(c => c.Tags).Include(c => c.Organization).AsSplitQuery().ToListAsync();
            foreach (var contact in contacts) tracked[contact.Id] = contact;
        }

        foreach (var planned in plan.Rows)
        {
            var row = planned.Row;
            if (planned.Outcome == ImportOutcome.New)
            {
                var contact = new Contact
                {
                    FirstName = row.FirstName,
                    LastName = string.IsNullOrEmpty(row.LastName) ? null : row.LastName,
                    Title = Clip(row.Position, Contact.TitleMaxLength),
                    Organization = OrganizationFor(Clip(row.Company, Organization.NameMaxLength)),
                    LinkedInUrl = row.ProfileUrl,
                    Source = ContactSource.LinkedIn,
                    ConnectedOn = row.ConnectedOn,
                    LinkedInCompany = Clip(row.Company, Organization.NameMaxLength),
                    LinkedInPosition = Clip(row.Position, Contact.TitleMaxLength),
                };
                if (row.Email is not null) contact.Emails.Add(new ContactEmail { Address = row.Email, NormalizedAddress = ContactEmail.Normalize(row.Email) });
                contact.Events.Add(new ContactEvent { Kind = ContactEventKind.Imported, OccurredAtUtc = now, Text = "Imported from LinkedIn" });
                contact.RefreshSearch(contact.Organization?.Name);
                db.Contacts.Add(contact);
            }
            else if (planned.Outcome == ImportOutcome.Updated && tracked.TryGetValue(planned.ContactId!.Value, out var contact))
            {
                Update(contact, row, planned.JobChange, OrganizationFor, now);
            }
        }
        await db.SaveChangesAsync();
        return plan.Rows.Count(r => r.Outcome != ImportOutcome.Unchanged);
    }

    private static void Update(Contact contact, LinkedInConnection row, string? jobChange, Func<string?, Organization?> organizationFor, DateTime now)
    {
        if (row.ProfileUrl is not null) contact.LinkedInUrl = row.ProfileUrl;
        if (row.Email is not null && contact.Emails.All(e => e.NormalizedAddress != ContactEmail.Normalize(row.Email)))
            contact.Emails.Add(new ContactEmail { Address = row.Email, NormalizedAddress = ContactEmail.Normalize(row.Email) });
        contact.ConnectedOn ??= row.ConnectedOn;
        if (jobChange is not null)
        {
            // The export shows where they work now: follow it, and note the move on the timeline.
            contact.Organization = organizationFor(Clip(row.Company, Organization.NameMaxLength));
            if (contact.Organization is null) contact.OrganizationId = null;
            contact.Title = Clip(row.Position, Contact.TitleMaxLength);
            contact.Events.Add(new ContactEvent { Kind = ContactEventKind.JobChange, OccurredAtUtc = now, Text = Clip(jobChange, ContactEvent.TextMaxLength)! });
        }
        else
        {
            if (contact.Organization is null && contact.OrganizationId is null) contact.Organization = organizationFor(Clip(row.Company, Organization.NameMaxLength));
            contact.Title ??= Clip(row.Position, Contact.TitleMaxLength);
        }
        contact.LinkedInCompany = Clip(row.Company, Organization.NameMaxLength);
        contact.LinkedInPosition = Clip(row.Position, Contact.TitleMaxLength);
        contact.RefreshSearch(contact.Organization?.Name);
    }

    private static string? Clip(string? text, int max) =>
        string.IsNullOrWhiteSpace(text) ? null : Folding.Truncate(text.Trim(), max);
}

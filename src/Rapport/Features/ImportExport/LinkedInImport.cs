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
        var companies = new List<string?>(file.Connections.Count);
        var rejected = file.Rejected.ToList();
        var warnings = file.Warnings.ToList();
        var claimed = new Dictionary<int, int>();
        var rows = new List<PlannedRow>(file.Connections.Count);
        // One contact for every line's checks: a new one per line made an id and search text for each, which the
        // checks do not read (a fifth of planning a 30,000-line export).
        var probe = new Contact();

        foreach (var cell in file.Connections)
        {
            // What the columns can hold: a name too long is the line's problem; an email that is not one
            // is left out with a note, as the vCard import does (the column holds 254 characters).
            if (cell.FirstName.Length > Contact.NameMaxLength || cell.LastName.Length > Contact.NameMaxLength)
            {
                rejected.Add(new ImportIssue(cell.Line, $"Line {cell.Line}: the name is longer than {Contact.NameMaxLength} characters."));
                continue;
            }
            var row = cell;
            if (row.Email is not null && !EmailAddress.IsValid(row.Email))
            {
                var shown = row.Email.Length > 60 ? row.Email[..60] + "…" : row.Email;
                warnings.Add(new ImportIssue(row.Line, $"Line {row.Line}: “{shown}” is not an email address and is left out."));
                row = row with { Email = null };
            }
            if (!YearRange.Holds(row.ConnectedOn))
            {
                warnings.Add(new ImportIssue(row.Line, $"Line {row.Line}: 'Connected On' is outside the years {YearRange.First} to {YearRange.Last}; the date is left empty."));
                row = row with { ConnectedOn = null };
            }
            // The contact the line becomes meets the same checks as the form's (new contacts are written in bulk, past the save checks).
            if (Refusal(Probe(probe, row)) is { } refusal)
            {
                rejected.Add(new ImportIssue(row.Line, $"Line {row.Line}: {refusal}"));
                continue;
            }
            var company = string.IsNullOrWhiteSpace(row.Company) ? null : Organization.Normalize(row.Company);
            companies.Add(row.Company);
            var match = known.Find(row.ProfileUrl, row.Email, Folding.Fold(Contact.FullNameOf(row.FirstName, row.LastName)), company);
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
        var newOrganizations = await new OrganizationsByName(db).CountNewAsync(companies);
        return new LinkedInPlan(rows, rejected.OrderBy(r => r.Line).ToList(), warnings.OrderBy(w => w.Line).ToList(), file.EmptyRowsSkipped, newOrganizations);
    }

    private string? Refusal(Contact contact) =>
        (RowChecks.FirstProblem(db.Model, contact) ?? contact.Emails.Select(e => RowChecks.FirstProblem(db.Model, e)).FirstOrDefault(p => p is not null))
            is { } problem ? $"{problem.Message} ({problem.Property})" : null;

    /// <summary>"Moved from Analyst at Acme to Lead Analyst at Globex", when the export differs from the last one.</summary>
    private static string? JobChange(KnownContact known, LinkedInConnection row)
    {
        if (known.LinkedInCompany is null && known.LinkedInPosition is null) return null;
        var sameCompany = Folding.Fold(known.LinkedInCompany) == Folding.Fold(row.Company);
        var samePosition = Folding.Fold(known.LinkedInPosition) == Folding.Fold(row.Position);
        if (sameCompany && samePosition) return null;
        return JobChangeSentence.Write(known.LinkedInPosition, known.LinkedInCompany, row.Position, row.Company);
    }

    /// <summary>Applies the plan in the caller's transaction: new organizations, updates (with job changes),
    /// then the new contacts written in bulk. Returns how many rows changed something, and the ids of the new
    /// contacts in the order of the plan's new rows.</summary>
    public async Task<(int Changed, IReadOnlyList<int> NewIds)> ApplyAsync(LinkedInPlan plan)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var updateIds = plan.Rows.Where(r => r.Outcome == ImportOutcome.Updated).Select(r => r.ContactId!.Value).ToList();
        var tracked = new Dictionary<int, Contact>();
        foreach (var chunk in updateIds.Chunk(500))
        {
            var contacts = await db.Contacts.Where(c => chunk.Contains(c.Id)).Include(c => c.Emails).Include(c => c.Tags).AsSplitQuery().ToListAsync();
            foreach (var contact in contacts) tracked[contact.Id] = contact;
        }

        // The organizations the rows point at, made once each if new, in file order.
        var needed = plan.Rows.Where(planned => planned.Outcome == ImportOutcome.New
                || (planned.Outcome == ImportOutcome.Updated && tracked.TryGetValue(planned.ContactId!.Value, out var c)
                    && (planned.JobChange is not null || c.OrganizationId is null)))
            .Select(planned => Clip(planned.Row.Company, Organization.NameMaxLength)).OfType<string>();
        var organizations = await new OrganizationsByName(db).FindOrAddAllAsync(needed, now);
        var names = organizations.Values.ToDictionary(o => o.Id, o => o.Name);
        (int Id, string Name)? OrganizationFor(string? company) =>
            Clip(company, Organization.NameMaxLength) is { } name ? organizations[Organization.Normalize(name)] : null;

        foreach (var planned in plan.Rows.Where(r => r.Outcome == ImportOutcome.Updated))
        {
            if (tracked.TryGetValue(planned.ContactId!.Value, out var contact))
                Update(contact, planned.Row, planned.JobChange, OrganizationFor, names, now);
        }
        await db.SaveChangesAsync();

        var fresh = plan.Rows.Where(r => r.Outcome == ImportOutcome.New).Select(r => NewContact(r.Row, OrganizationFor(r.Row.Company), now)).ToList();
        await ContactBulkInsert.ContactsAsync(db, fresh, now);
        return (plan.Rows.Count(r => r.Outcome != ImportOutcome.Unchanged), fresh.Select(c => c.Id).ToList());
    }

    /// <summary>The contact a new row of the export becomes, with its email and an "imported" timeline entry.</summary>
    public static Contact NewContact(LinkedInConnection row, (int Id, string Name)? organization, DateTime now)
    {
        var contact = Fill(new Contact(), row);
        contact.OrganizationId = organization?.Id;
        contact.Events.Add(new ContactEvent { Kind = ContactEventKind.Imported, OccurredAtUtc = now, Text = "Imported from LinkedIn" });
        contact.RefreshSearch(organization?.Name);
        return contact;
    }

    /// <summary><paramref name="probe"/> holding what the checks read of the contact the row would become.</summary>
    private static Contact Probe(Contact probe, LinkedInConnection row)
    {
        probe.Emails.Clear();
        return Fill(probe, row);
    }

    private static Contact Fill(Contact contact, LinkedInConnection row)
    {
        contact.FirstName = row.FirstName;
        contact.LastName = string.IsNullOrEmpty(row.LastName) ? null : row.LastName;
        contact.Title = Clip(row.Position, Contact.TitleMaxLength);
        contact.LinkedInUrl = row.ProfileUrl;
        contact.Source = ContactSource.LinkedIn;
        contact.Imported = true;
        contact.ConnectedOn = row.ConnectedOn;
        contact.LinkedInCompany = Clip(row.Company, Organization.NameMaxLength);
        contact.LinkedInPosition = Clip(row.Position, Contact.TitleMaxLength);
        if (row.Email is not null) contact.Emails.Add(new ContactEmail { Address = row.Email, NormalizedAddress = ContactEmail.Normalize(row.Email) });
        return contact;
    }

    private static void Update(Contact contact, LinkedInConnection row, string? jobChange, Func<string?, (int Id, string Name)?> organizationFor,
        IReadOnlyDictionary<int, string> organizationNames, DateTime now)
    {
        if (row.ProfileUrl is not null) contact.LinkedInUrl = row.ProfileUrl;
        if (row.Email is not null && contact.Emails.All(e => e.NormalizedAddress != ContactEmail.Normalize(row.Email)))
            contact.Emails.Add(new ContactEmail { Address = row.Email, NormalizedAddress = ContactEmail.Normalize(row.Email) });
        contact.ConnectedOn ??= row.ConnectedOn;
        if (jobChange is not null)
        {
            // The export shows where they work now: follow it, and note the move on the timeline.
            contact.OrganizationId = organizationFor(row.Company)?.Id;
            contact.Title = Clip(row.Position, Contact.TitleMaxLength);
            // The job left, as a row ("who worked at X" finds them there), and the move on the timeline.
            contact.RecordMove(contact.LinkedInPosition, contact.LinkedInCompany, jobChange, now);
        }
        else
        {
            contact.OrganizationId ??= organizationFor(row.Company)?.Id;
            contact.Title ??= Clip(row.Position, Contact.TitleMaxLength);
        }
        contact.LinkedInCompany = Clip(row.Company, Organization.NameMaxLength);
        contact.LinkedInPosition = Clip(row.Position, Contact.TitleMaxLength);
        contact.RefreshSearch(contact.OrganizationId is int id ? organizationNames[id] : null);
    }

    private static string? Clip(string? text, int max) =>
        string.IsNullOrWhiteSpace(text) ? null : Folding.Truncate(text.Trim(), max);
}

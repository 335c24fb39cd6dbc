using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Rapport.Domain;

namespace Rapport.Data;

/// <summary>Writes many new organizations and contacts (with their emails and timeline entries) at once,
/// inside the current transaction, through <see cref="BulkRows"/>. An import of 30,000 connections through
/// the change tracker takes seconds; this takes a fraction of that. Every row gets the current owner, like
/// rows saved through EF, and the rules hear of what it writes as they do of a save
/// (<see cref="RuleFactInterceptor.NoteBulkInsert"/>).</summary>
public static class ContactBulkInsert
{
    private const int AnalyzeAfter = 1_000;

    public sealed record NewOrganization(string NormalizedName, string Name);

    /// <summary>Inserts the organizations and returns their ids by normalised name.</summary>
    public static async Task<Dictionary<string, int>> OrganizationsAsync(RapportDb db, IReadOnlyList<NewOrganization> organizations, DateTime now)
    {
        var ids = new Dictionary<string, int>(organizations.Count, StringComparer.Ordinal);
        if (organizations.Count == 0) return ids;
        foreach (var organization in organizations) RowChecks.Refuse(db.Model, new Organization { Name = organization.Name, NormalizedName = organization.NormalizedName });
        var owner = Owner(db);
        var (connection, transaction) = await ConnectionAsync(db);
        var next = await BulkRows.NextIdsAsync(connection, transaction, "Organizations", organizations.Count);
        await using var rows = Rows(db, connection, transaction, "Organizations", fullTextTrigger: false,
            "Id", "OwnerId", "Name", "NormalizedName", "Status", "CreatedAtUtc", "UpdatedAtUtc");
        for (var i = 0; i < organizations.Count; i++)
        {
            await rows.AddAsync(next[i], owner, organizations[i].Name, organizations[i].NormalizedName, (int)OrganizationStatus.Undecided, now, now);
            ids[organizations[i].NormalizedName] = next[i];
        }
        await rows.FlushAsync();
        return ids;
    }

    /// <summary>Inserts new contacts with their <see cref="Contact.Emails"/> and <see cref="Contact.Events"/>;
    /// <see cref="Contact.OrganizationId"/> must already be set. Sets each contact's Id.</summary>
    public static async Task ContactsAsync(RapportDb db, IReadOnlyList<Contact> contacts, DateTime now)
    {
        if (contacts.Count == 0) return;
        // These rows skip the save interceptor, so they meet the same checks here (an import checks each line first).
        foreach (var c in contacts)
        {
            RowChecks.Refuse(db.Model, c);
            foreach (var e in c.Emails) RowChecks.Refuse(db.Model, e);
            foreach (var e in c.Events) RowChecks.Refuse(db.Model, e);
        }
        var owner = Owner(db);
        // The people table's sort keys are written with the rows (ContactSummaries would find the same): the folded
        // name of the organization as stored, and no stage or task, which a contact this import makes has none of.
        // Refreshed after the copy, every row was written twice: 5.5 of the 17 seconds of a 30,000-connection import
        // on PostgreSQL, where a changed indexed column leaves a new version of the row in every index.
        var organizationIds = contacts.Select(c => c.OrganizationId).OfType<int>().Distinct().ToList();
        var organizationKeys = organizationIds.Count == 0 ? [] : await db.Organizations.AsNoTracking()
            .Where(o => EF.Parameter(organizationIds).Contains(o.Id)).Select(o => new { o.Id, o.NormalizedName }).ToDictionaryAsync(o => o.Id, o => o.NormalizedName);
        var (connection, transaction) = await ConnectionAsync(db);
        var ids = await BulkRows.NextIdsAsync(connection, transaction, "Contacts", contacts.Count);
        if (connection is NpgsqlConnection pending && transaction is not null && contacts.Count >= AnalyzeAfter)
        {
            // The full-text index's new entries wait in its pending list until the merge below, which adds them all
            // at once, sorted: merged every 4 MB (the default), a 30,000-person import spent a quarter of a second more.
            await using var defer = new NpgsqlCommand("SET LOCAL gin_pending_list_limit = '64MB'", pending, (NpgsqlTransaction)transaction);
            await defer.ExecuteNonQueryAsync();
        }
        await using (var rows = Rows(db, connection, transaction, "Contacts", fullTextTrigger: true,
            "Id", "OwnerId", "Uid", "FirstName", "LastName", "Title", "City", "OrganizationId", "LinkedInUrl", "Source", "Imported", "AlumniOf",
            "Priority", "DoNotContact", "Notes", "ConnectedOn", "LinkedInCompany", "LinkedInPosition", "SearchKey", "SearchText",
            "OrganizationKey", "CreatedAtUtc", "UpdatedAtUtc"))
        {
            for (var i = 0; i < contacts.Count; i++)
            {
                var c = contacts[i];
                c.Id = ids[i];
                await rows.AddAsync(c.Id, owner, c.Uid, c.FirstName, c.LastName, c.Title, c.City, c.OrganizationId, c.LinkedInUrl,
                    c.Source is { } source ? (int)source : null, c.Imported, c.AlumniOf, (int)c.Priority, c.DoNotContact, c.Notes, c.ConnectedOn,
                    c.LinkedInCompany, c.LinkedInPosition, c.SearchKey, c.SearchText,
                    c.OrganizationId is int organization ? organizationKeys[organization] : null, now, now);
            }
            await rows.FlushAsync();
        }
        // Emails and timeline entries after their contacts, which the foreign keys ask for.
        await using (var rows = Rows(db, connection, transaction, "ContactEmails", fullTextTrigger: false,
            "OwnerId", "ContactId", "Address", "Label", "NormalizedAddress"))
        {
            foreach (var c in contacts)
                foreach (var e in c.Emails) await rows.AddAsync(owner, c.Id, e.Address, e.Label, e.NormalizedAddress);
            await rows.FlushAsync();
        }
        await using (var rows = Rows(db, connection, transaction, "ContactEvents", fullTextTrigger: false,
            "OwnerId", "ContactId", "OccurredAtUtc", "Kind", "Text"))
        {
            foreach (var c in contacts)
                foreach (var e in c.Events) await rows.AddAsync(owner, c.Id, e.OccurredAtUtc, (int)e.Kind, e.Text);
            await rows.FlushAsync();
        }
        // Thousands of rows at once leave PostgreSQL's statistics behind until autovacuum comes round, and with
        // them a plan for a table it thinks is empty: the next import read 30,000 contacts in seconds, not 0.1 s.
        if (connection is NpgsqlConnection pg && contacts.Count >= AnalyzeAfter)
        {
            await using var analyze = new NpgsqlCommand("""ANALYZE "Organizations", "Contacts", "ContactEmails", "ContactEvents" """, pg);
            await analyze.ExecuteNonQueryAsync();
            // New entries of the full-text index wait in its pending list, which every search reads from end to end
            // until a vacuum comes round: after an import, a search for three people read 337 pages instead of 10.
            await using var merge = new NpgsqlCommand("""SELECT gin_clean_pending_list('"IX_Contacts_SearchText"'::regclass)""", pg);
            await merge.ExecuteNonQueryAsync();
        }
    }

    private static IBulkRows Rows(RapportDb db, DbConnection connection, DbTransaction? transaction, string table, bool fullTextTrigger, params string[] columns)
    {
        RuleFactInterceptor.NoteBulkInsert(db, table);
        return BulkRows.For(connection, transaction, table, fullTextTrigger, columns);
    }

    private static async Task<(DbConnection Connection, DbTransaction? Transaction)> ConnectionAsync(RapportDb db)
    {
        await db.Database.OpenConnectionAsync();
        return (db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction());
    }

    private static string Owner(RapportDb db) =>
        db.OwnerId ?? throw new InvalidOperationException("Rows are written for a signed-in person.");
}

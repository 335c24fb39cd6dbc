using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Rapport.Domain;

namespace Rapport.Data;

/// <summary>Full-text search over <see cref="Contact.SearchText"/> (already folded for case and
/// accents), matching any part of a word: "gine" finds "engineer". SQLite: an FTS5 table with the
/// trigram tokenizer, kept in step with Contacts by triggers; PostgreSQL: a pg_trgm GIN index. On
/// both, <c>LIKE '%term%'</c> is answered from the index.</summary>
public static class ContactFullText
{
    public const string SqliteTable = "ContactSearch";

    public static void CreateForSqlite(MigrationBuilder m)
    {
        m.Sql($"""CREATE VIRTUAL TABLE "{SqliteTable}" USING fts5("SearchText", content='Contacts', content_rowid='Id', tokenize='trigram');""");
        m.Sql($"""
            CREATE TRIGGER "Contacts_SearchInsert" AFTER INSERT ON "Contacts" BEGIN
              INSERT INTO "{SqliteTable}"(rowid, "SearchText") VALUES (new."Id", new."SearchText");
            END;
            """);
        m.Sql($"""
            CREATE TRIGGER "Contacts_SearchDelete" AFTER DELETE ON "Contacts" BEGIN
              INSERT INTO "{SqliteTable}"("{SqliteTable}", rowid, "SearchText") VALUES ('delete', old."Id", old."SearchText");
            END;
            """);
        m.Sql($"""
            CREATE TRIGGER "Contacts_SearchUpdate" AFTER UPDATE OF "SearchText" ON "Contacts" BEGIN
              INSERT INTO "{SqliteTable}"("{SqliteTable}", rowid, "SearchText") VALUES ('delete', old."Id", old."SearchText");
              INSERT INTO "{SqliteTable}"(rowid, "SearchText") VALUES (new."Id", new."SearchText");
            END;
            """);
        m.Sql($"""INSERT INTO "{SqliteTable}"("{SqliteTable}") VALUES ('rebuild');""");
    }

    public static void CreateForPostgres(MigrationBuilder m)
    {
        m.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
        m.Sql("""CREATE INDEX "IX_Contacts_SearchText" ON "Contacts" USING gin ("SearchText" gin_trgm_ops);""");
    }

    /// <summary>The search words of a query, folded like the indexed text; wildcard characters are
    /// dropped so a "%" typed by the person matches itself and nothing more.</summary>
    public static IReadOnlyList<string> Terms(string? query) =>
        Folding.FoldForSearch((query ?? "").Replace('%', ' ').Replace('_', ' ').Replace('\\', ' '))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Distinct()
            .Take(8)
            .ToList();

    /// <summary>Up to this many matches are counted exactly; past it the list says "more than 1,000".</summary>
    public const int ExactCountLimit = 1_000;

    /// <summary>Who matches a search: on SQLite, the ids the full-text index found when there are at most
    /// <see cref="ExactCountLimit"/> of them; otherwise (many matches, or PostgreSQL) just the terms, so the
    /// list is read in name order with the terms as a filter and stops at the page it needs.</summary>
    public sealed record Matches(IReadOnlyList<string> Terms, IReadOnlyList<int>? Ids)
    {
        public bool AreMany => Ids is null;
    }

    /// <summary>One query on SQLite, driven by the full-text index and joined to the owner's contacts outside the trash (so even
    /// this raw SQL never reaches another user's rows), stopping one past the exact-count limit. None on
    /// PostgreSQL, where the trigram index serves the LIKE filter directly.</summary>
    public static async Task<Matches?> FindAsync(RapportDb db, string? query, CancellationToken cancellationToken = default)
    {
        var terms = Terms(query);
        if (terms.Count == 0) return null;
        if (!db.Database.IsSqlite()) return new Matches(terms, null);
        // CROSS JOIN keeps the index as the outer loop: SQLite would otherwise walk every contact and probe it.
        var likes = string.Join(" AND ", terms.Select((_, i) => "s.\"SearchText\" LIKE {" + (i + 1) + "}"));
        var sql = $"SELECT s.rowid AS \"Value\" FROM \"{SqliteTable}\" s CROSS JOIN \"Contacts\" c ON c.\"Id\" = s.rowid "
            + "WHERE c.\"OwnerId\" = {0} AND c.\"DeletedAtUtc\" IS NULL AND " + likes + $" LIMIT {ExactCountLimit + 1}";
        object[] parameters = [db.OwnerId ?? "", .. terms.Select(t => (object)("%" + t + "%"))];
        var ids = await db.Database.SqlQueryRaw<int>(sql, parameters).ToListAsync(cancellationToken);
        return new Matches(terms, ids.Count > ExactCountLimit ? null : ids);
    }

    /// <summary>Contacts whose search text holds every term.</summary>
    public static IQueryable<Contact> Matching(this IQueryable<Contact> contacts, Matches? matches)
    {
        if (matches is null) return contacts;
        // One JSON parameter rather than one parameter per id: a list of hundreds would be a new statement each time.
        if (matches.Ids is { } ids) return contacts.Where(c => EF.Parameter(ids).Contains(c.Id));
        foreach (var term in matches.Terms)
        {
            var pattern = "%" + term + "%";
            contacts = contacts.Where(c => EF.Functions.Like(c.SearchText, pattern));
        }
        return contacts;
    }
}

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
        Folding.Fold((query ?? "").Replace('%', ' ').Replace('_', ' ').Replace('\\', ' '))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Distinct()
            .Take(8)
            .ToList();

    /// <summary>Contacts whose search text holds every term. The SQLite branch reads the FTS table
    /// joined to the owner's contacts, so even this raw SQL never reaches another user's rows.</summary>
    public static IQueryable<Contact> Matching(this IQueryable<Contact> contacts, RapportDb db, string? query)
    {
        foreach (var term in Terms(query))
        {
            var pattern = "%" + term + "%";
            if (db.Database.IsSqlite())
            {
                var owner = db.OwnerId ?? "";
                var ids = db.Database.SqlQuery<int>($"""
                    SELECT s.rowid AS "Value" FROM "ContactSearch" s JOIN "Contacts" c ON c."Id" = s.rowid
                    WHERE c."OwnerId" = {owner} AND s."SearchText" LIKE {pattern}
                    """);
                contacts = contacts.Where(c => ids.Contains(c.Id));
            }
            else
            {
                contacts = contacts.Where(c => EF.Functions.Like(c.SearchText, pattern));
            }
        }
        return contacts;
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Rapport.Data.Migrations;

/// <summary>Whether each contact came in from a file, so the insights count how the network grew from the contacts alone
/// (reading every contact's timeline took a third of a second at 30,000 contacts). Filled here from the "imported"
/// entries the timeline already holds; set by the imports from now on. The index of contacts by when they were added
/// now holds what that count reads, and the referral tree gets an index, since it read every contact to find the few
/// who were referred.</summary>
[DbContext(typeof(RapportDb))]
[Migration("20261207140000_RecordImportedContacts")]
public sealed class RecordImportedContacts : Migration
{
    private const string Covering = "IX_Contacts_OwnerId_CreatedAtUtc_Id_Covering";

    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<bool>("Imported", "Contacts", nullable: false, defaultValue: false);
        // 2 is ContactEventKind.Imported, written out so this migration never changes with the enum.
        m.Sql("""
            UPDATE "Contacts" SET "Imported" = TRUE
            WHERE EXISTS (SELECT 1 FROM "ContactEvents" AS e WHERE e."ContactId" = "Contacts"."Id" AND e."Kind" = 2);
            """);
        m.CreateIndex("IX_Contacts_OwnerId_ReferredById", "Contacts", ["OwnerId", "ReferredById"]);
        m.CreateIndex(Covering, "Contacts", ["OwnerId", "CreatedAtUtc", "Id", "DeletedAtUtc", "ReferredById", "Source", "Imported"]);
        m.DropIndex("IX_Contacts_OwnerId_CreatedAtUtc_Id", "Contacts");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.CreateIndex("IX_Contacts_OwnerId_CreatedAtUtc_Id", "Contacts", ["OwnerId", "CreatedAtUtc", "Id"]);
        m.DropIndex(Covering, "Contacts");
        m.DropIndex("IX_Contacts_OwnerId_ReferredById", "Contacts");
        // As in AddTheme: SQLite (3.35 and later) drops a plain column itself; EF would need a model snapshot we do not keep.
        if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite") m.Sql("ALTER TABLE \"Contacts\" DROP COLUMN \"Imported\";");
        else m.DropColumn("Imported", "Contacts");
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Rapport.Data.Migrations;

/// <summary>Career fields, organizations, the rich contact (names split, several emails and phones,
/// tags, fields, source, referrals, timeline), pending imports, and full-text search. Existing
/// contacts keep everything: the name moves to FirstName, the email to ContactEmails, and the
/// organization text becomes an Organization row. Search text is filled in by the app at start-up
/// (<see cref="SearchTextRepair"/>), which folds accents the same way for old and new rows.</summary>
[DbContext(typeof(RapportDb))]
[Migration("20261127150000_AddResearchAndRichContacts")]
public sealed class AddResearchAndRichContacts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var sqlite = ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite";
        var postgres = ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL";
        if (!sqlite && !postgres) throw new NotSupportedException($"No migration for provider {ActiveProvider}.");

        CreateResearchTables(migrationBuilder);

        // Organizations from the old free-text column, one per distinct folded name per owner.
        migrationBuilder.Sql("""
            INSERT INTO "Organizations" ("OwnerId", "Name", "NormalizedName", "Status", "CreatedAtUtc", "UpdatedAtUtc")
            SELECT "OwnerId", MIN(TRIM("Organization")), LOWER(TRIM("Organization")), 0, MIN("CreatedAtUtc"), MAX("UpdatedAtUtc")
            FROM "Contacts"
            WHERE "Organization" IS NOT NULL AND TRIM("Organization") <> ''
            GROUP BY "OwnerId", LOWER(TRIM("Organization"))
            """);

        // The contacts table is rebuilt (SQLite cannot alter columns in place): old aside, new created, rows copied.
        migrationBuilder.DropIndex("IX_Contacts_OwnerId_SearchKey", "Contacts");
        migrationBuilder.RenameTable("Contacts", newName: "ContactsBefore");
        if (postgres)
        {
            migrationBuilder.Sql("""ALTER TABLE "ContactsBefore" RENAME CONSTRAINT "PK_Contacts" TO "PK_ContactsBefore";""");
            migrationBuilder.Sql("""ALTER TABLE "ContactsBefore" RENAME CONSTRAINT "FK_Contacts_AspNetUsers_OwnerId" TO "FK_ContactsBefore_AspNetUsers_OwnerId";""");
        }
        CreateContactTables(migrationBuilder);

        var newUid = sqlite
            ? "upper(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-8' || substr(h, 18, 3) || '-' || substr(h, 21, 12))"
            : "gen_random_uuid()";
        var source = sqlite ? """(SELECT *, hex(randomblob(16)) AS h FROM "ContactsBefore")""" : "\"ContactsBefore\"";
        migrationBuilder.Sql($"""
            INSERT INTO "Contacts" ("Id", "OwnerId", "Uid", "FirstName", "OrganizationId", "Priority", "DoNotContact", "Notes",
                                    "SearchKey", "SearchText", "CreatedAtUtc", "UpdatedAtUtc")
            SELECT b."Id", b."OwnerId", {newUid}, b."Name",
                   (SELECT o."Id" FROM "Organizations" o WHERE o."OwnerId" = b."OwnerId" AND o."NormalizedName" = LOWER(TRIM(b."Organization"))),
                   2, {(sqlite ? "0" : "FALSE")}, b."Notes", b."SearchKey", '', b."CreatedAtUtc", b."UpdatedAtUtc"
            FROM {source} b
            """);
        migrationBuilder.Sql("""
            INSERT INTO "ContactEmails" ("OwnerId", "ContactId", "Address", "NormalizedAddress")
            SELECT "OwnerId", "Id", TRIM("Email"), LOWER(TRIM("Email")) FROM "ContactsBefore"
            WHERE "Email" IS NOT NULL AND TRIM("Email") <> ''
            """);
        if (postgres)
        {
            // Copied ids must not collide with the next generated one.
            migrationBuilder.Sql("""SELECT setval(pg_get_serial_sequence('"Contacts"', 'Id'), GREATEST((SELECT MAX("Id") FROM "Contacts"), 1));""");
        }
        migrationBuilder.DropTable("ContactsBefore");

        if (sqlite) ContactFullText.CreateForSqlite(migrationBuilder);
        else ContactFullText.CreateForPostgres(migrationBuilder);
    }

    private static void CreateResearchTables(MigrationBuilder m)
    {
        m.CreateTable(
            name: "CareerFields",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                OwnerId = t.Column<string>(nullable: false),
                Name = t.Column<string>(maxLength: 150, nullable: false),
                NormalizedName = t.Column<string>(maxLength: 150, nullable: false),
                Description = t.Column<string>(maxLength: 2000, nullable: true),
                Status = t.Column<int>(nullable: false),
                Notes = t.Column<string>(maxLength: 20000, nullable: true),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
                UpdatedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_CareerFields", x => x.Id);
                t.ForeignKey("FK_CareerFields_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        m.CreateTable(
            name: "Organizations",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                OwnerId = t.Column<string>(nullable: false),
                Name = t.Column<string>(maxLength: 200, nullable: false),
                NormalizedName = t.Column<string>(maxLength: 200, nullable: false),
                Website = t.Column<string>(maxLength: 500, nullable: true),
                City = t.Column<string>(maxLength: 100, nullable: true),
                Status = t.Column<int>(nullable: false),
                Notes = t.Column<string>(maxLength: 20000, nullable: true),
                Motivation = t.Column<int>(nullable: true),
                Postings = t.Column<int>(nullable: true),
                AdvocateOverride = t.Column<bool>(nullable: true),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
                UpdatedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Organizations", x => x.Id);
                t.ForeignKey("FK_Organizations_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        m.CreateTable(
            name: "PendingImports",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                OwnerId = t.Column<string>(nullable: false),
                Kind = t.Column<int>(nullable: false),
                FileName = t.Column<string>(maxLength: 255, nullable: false),
                Content = t.Column<byte[]>(nullable: false),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_PendingImports", x => x.Id);
                t.ForeignKey("FK_PendingImports_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        m.CreateTable(
            name: "CareerFieldLinks",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                OwnerId = t.Column<string>(nullable: false),
                CareerFieldId = t.Column<int>(nullable: false),
                Url = t.Column<string>(maxLength: 2000, nullable: false),
                Label = t.Column<string>(maxLength: 200, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_CareerFieldLinks", x => x.Id);
                t.ForeignKey("FK_CareerFieldLinks_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_CareerFieldLinks_CareerFields_CareerFieldId", x => x.CareerFieldId, "CareerFields", "Id", onDelete: ReferentialAction.Cascade);
            });

        m.CreateTable(
            name: "OpenQuestions",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                OwnerId = t.Column<string>(nullable: false),
                CareerFieldId = t.Column<int>(nullable: false),
                Text = t.Column<string>(maxLength: 500, nullable: false),
                Answer = t.Column<string>(maxLength: 4000, nullable: true),
                AnswerSource = t.Column<string>(maxLength: 300, nullable: true),
                AnsweredAtUtc = t.Column<DateTime>(nullable: true),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
                UpdatedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_OpenQuestions", x => x.Id);
                t.ForeignKey("FK_OpenQuestions_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_OpenQuestions_CareerFields_CareerFieldId", x => x.CareerFieldId, "CareerFields", "Id", onDelete: ReferentialAction.Cascade);
            });

        m.CreateTable(
            name: "OrganizationFields",
            columns: t => new
            {
                OrganizationId = t.Column<int>(nullable: false),
                CareerFieldId = t.Column<int>(nullable: false),
                OwnerId = t.Column<string>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_OrganizationFields", x => new { x.OrganizationId, x.CareerFieldId });
                t.ForeignKey("FK_OrganizationFields_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_OrganizationFields_CareerFields_CareerFieldId", x => x.CareerFieldId, "CareerFields", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_OrganizationFields_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Cascade);
            });

        m.CreateIndex("IX_CareerFieldLinks_CareerFieldId", "CareerFieldLinks", "CareerFieldId");
        m.CreateIndex("IX_CareerFieldLinks_OwnerId", "CareerFieldLinks", "OwnerId");
        m.CreateIndex("IX_CareerFields_OwnerId_NormalizedName", "CareerFields", ["OwnerId", "NormalizedName"], unique: true);
        m.CreateIndex("IX_OpenQuestions_CareerFieldId", "OpenQuestions", "CareerFieldId");
        m.CreateIndex("IX_OpenQuestions_OwnerId", "OpenQuestions", "OwnerId");
        m.CreateIndex("IX_OrganizationFields_CareerFieldId", "OrganizationFields", "CareerFieldId");
        m.CreateIndex("IX_OrganizationFields_OwnerId", "OrganizationFields", "OwnerId");
        m.CreateIndex("IX_Organizations_OwnerId_NormalizedName", "Organizations", ["OwnerId", "NormalizedName"], unique: true);
        m.CreateIndex("IX_PendingImports_OwnerId", "PendingImports", "OwnerId");
    }

    private static void CreateContactTables(MigrationBuilder m)
    {
        m.CreateTable(
            name: "Contacts",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                OwnerId = t.Column<string>(nullable: false),
                Uid = t.Column<Guid>(nullable: false),
                FirstName = t.Column<string>(maxLength: 200, nullable: false),
                LastName = t.Column<string>(maxLength: 200, nullable: true),
                Title = t.Column<string>(maxLength: 200, nullable: true),
                City = t.Column<string>(maxLength: 100, nullable: true),
                OrganizationId = t.Column<int>(nullable: true),
                LinkedInUrl = t.Column<string>(maxLength: 300, nullable: true),
                Source = t.Column<int>(nullable: true),
                ReferredById = t.Column<int>(nullable: true),
                AlumniOf = t.Column<string>(maxLength: 200, nullable: true),
                Priority = t.Column<int>(nullable: false),
                DoNotContact = t.Column<bool>(nullable: false),
                Notes = t.Column<string>(maxLength: 20000, nullable: true),
                ConnectedOn = t.Column<DateOnly>(nullable: true),
                LastContactedOn = t.Column<DateOnly>(nullable: true),
                LinkedInCompany = t.Column<string>(maxLength: 200, nullable: true),
                LinkedInPosition = t.Column<string>(maxLength: 200, nullable: true),
                SearchKey = t.Column<string>(maxLength: 250, nullable: false),
                SearchText = t.Column<string>(nullable: false),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
                UpdatedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Contacts", x => x.Id);
                t.ForeignKey("FK_Contacts_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_Contacts_Contacts_ReferredById", x => x.ReferredById, "Contacts", "Id", onDelete: ReferentialAction.SetNull);
                t.ForeignKey("FK_Contacts_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.SetNull);
            });

        m.CreateTable(
            name: "ContactEmails",
            columns: t => new
            {
                Id = Identity(t),
                OwnerId = t.Column<string>(nullable: false),
                ContactId = t.Column<int>(nullable: false),
                Address = t.Column<string>(maxLength: 254, nullable: false),
                Label = t.Column<string>(maxLength: 50, nullable: true),
                NormalizedAddress = t.Column<string>(maxLength: 254, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ContactEmails", x => x.Id);
                t.ForeignKey("FK_ContactEmails_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_ContactEmails_Contacts_ContactId", x => x.ContactId, "Contacts", "Id", onDelete: ReferentialAction.Cascade);
            });
        m.CreateTable(
            name: "ContactPhones",
            columns: t => new
            {
                Id = Identity(t),
                OwnerId = t.Column<string>(nullable: false),
                ContactId = t.Column<int>(nullable: false),
                Number = t.Column<string>(maxLength: 50, nullable: false),
                Label = t.Column<string>(maxLength: 50, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ContactPhones", x => x.Id);
                t.ForeignKey("FK_ContactPhones_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_ContactPhones_Contacts_ContactId", x => x.ContactId, "Contacts", "Id", onDelete: ReferentialAction.Cascade);
            });
        m.CreateTable(
            name: "ContactTags",
            columns: t => new
            {
                Id = Identity(t),
                OwnerId = t.Column<string>(nullable: false),
                ContactId = t.Column<int>(nullable: false),
                Name = t.Column<string>(maxLength: 50, nullable: false),
                NormalizedName = t.Column<string>(maxLength: 50, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ContactTags", x => x.Id);
                t.ForeignKey("FK_ContactTags_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_ContactTags_Contacts_ContactId", x => x.ContactId, "Contacts", "Id", onDelete: ReferentialAction.Cascade);
            });
        m.CreateTable(
            name: "ContactEvents",
            columns: t => new
            {
                Id = Identity(t),
                OwnerId = t.Column<string>(nullable: false),
                ContactId = t.Column<int>(nullable: false),
                OccurredAtUtc = t.Column<DateTime>(nullable: false),
                Kind = t.Column<int>(nullable: false),
                Text = t.Column<string>(maxLength: 1000, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ContactEvents", x => x.Id);
                t.ForeignKey("FK_ContactEvents_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_ContactEvents_Contacts_ContactId", x => x.ContactId, "Contacts", "Id", onDelete: ReferentialAction.Cascade);
            });
        m.CreateTable(
            name: "ContactFields",
            columns: t => new
            {
                ContactId = t.Column<int>(nullable: false),
                CareerFieldId = t.Column<int>(nullable: false),
                OwnerId = t.Column<string>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ContactFields", x => new { x.ContactId, x.CareerFieldId });
                t.ForeignKey("FK_ContactFields_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_ContactFields_CareerFields_CareerFieldId", x => x.CareerFieldId, "CareerFields", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_ContactFields_Contacts_ContactId", x => x.ContactId, "Contacts", "Id", onDelete: ReferentialAction.Cascade);
            });

        m.CreateIndex("IX_Contacts_OrganizationId", "Contacts", "OrganizationId");
        m.CreateIndex("IX_Contacts_OwnerId_LinkedInUrl", "Contacts", ["OwnerId", "LinkedInUrl"]);
        m.CreateIndex("IX_Contacts_OwnerId_SearchKey", "Contacts", ["OwnerId", "SearchKey"]);
        m.CreateIndex("IX_Contacts_OwnerId_Uid", "Contacts", ["OwnerId", "Uid"], unique: true);
        m.CreateIndex("IX_Contacts_ReferredById", "Contacts", "ReferredById");
        m.CreateIndex("IX_ContactEmails_ContactId", "ContactEmails", "ContactId");
        m.CreateIndex("IX_ContactEmails_OwnerId_NormalizedAddress", "ContactEmails", ["OwnerId", "NormalizedAddress"]);
        m.CreateIndex("IX_ContactPhones_ContactId", "ContactPhones", "ContactId");
        m.CreateIndex("IX_ContactPhones_OwnerId", "ContactPhones", "OwnerId");
        m.CreateIndex("IX_ContactTags_ContactId_NormalizedName", "ContactTags", ["ContactId", "NormalizedName"], unique: true);
        m.CreateIndex("IX_ContactTags_OwnerId_NormalizedName", "ContactTags", ["OwnerId", "NormalizedName"]);
        m.CreateIndex("IX_ContactEvents_ContactId_OccurredAtUtc", "ContactEvents", ["ContactId", "OccurredAtUtc"]);
        m.CreateIndex("IX_ContactEvents_OwnerId", "ContactEvents", "OwnerId");
        m.CreateIndex("IX_ContactFields_CareerFieldId", "ContactFields", "CareerFieldId");
        m.CreateIndex("IX_ContactFields_OwnerId", "ContactFields", "OwnerId");
    }

    private static OperationBuilder<AddColumnOperation> Identity(ColumnsBuilder t) =>
        t.Column<int>(nullable: false)
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Rapport does not migrate down; restore a backup instead.");
}

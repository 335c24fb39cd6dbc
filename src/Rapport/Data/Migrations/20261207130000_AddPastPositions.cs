using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Rapport.Data.Migrations;

/// <summary>Jobs contacts held before, as rows (so "who worked at X" is a lookup), and the person's own school (so
/// alumni are found). The job changes the LinkedIn import noted on timelines become rows where the sentence reads one
/// way, by the rule of <c>Domain/JobChangeSentence</c>, copied here in SQL: a migration keeps doing what it did when it
/// was written. The organization key is left empty for start-up to fold (<c>PastPositionKeys</c>), as SQL cannot fold
/// accents; the timeline keeps its sentences.</summary>
[DbContext(typeof(RapportDb))]
[Migration("20261207130000_AddPastPositions")]
public sealed class AddPastPositions : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<string>("School", "AspNetUsers", maxLength: 200, nullable: true);
        m.CreateTable(
            name: "PastPositions",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                OwnerId = t.Column<string>(nullable: false),
                ContactId = t.Column<int>(nullable: false),
                OrganizationName = t.Column<string>(maxLength: 200, nullable: false),
                OrganizationKey = t.Column<string>(maxLength: 200, nullable: false),
                Title = t.Column<string>(maxLength: 200, nullable: true),
                LeftByUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_PastPositions", x => x.Id);
                t.ForeignKey("FK_PastPositions_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_PastPositions_Contacts_ContactId", x => x.ContactId, "Contacts", "Id", onDelete: ReferentialAction.Cascade);
            });
        m.CreateIndex("IX_PastPositions_ContactId", "PastPositions", "ContactId");
        m.CreateIndex("IX_PastPositions_OwnerId_OrganizationKey", "PastPositions", ["OwnerId", "OrganizationKey"]);

        var (find, trim) = ActiveProvider switch
        {
            "Microsoft.EntityFrameworkCore.Sqlite" => ("instr", "trim"),
            "Npgsql.EntityFrameworkCore.PostgreSQL" => ("strpos", "btrim"),
            _ => throw new NotSupportedException($"No job change reading for {ActiveProvider}."),
        };
        // "Moved from <left> to <new>": exactly one " to " after "Moved from ", exactly one " at " in <left>, and a
        // title and an organization either side of it. 3 is ContactEventKind.JobChange. PostgreSQL may cut every row before it
        // filters, so no cut may have a negative length.
        m.Sql($"""
            INSERT INTO "PastPositions" ("OwnerId", "ContactId", "OrganizationName", "OrganizationKey", "Title", "LeftByUtc")
            SELECT "OwnerId", "ContactId", substr(organization, 1, 200), '', substr(title, 1, 200), "OccurredAtUtc"
            FROM (
                SELECT "OwnerId", "ContactId", "OccurredAtUtc",
                    {trim}(CASE WHEN {find}(job, ' at ') > 0 THEN substr(job, 1, {find}(job, ' at ') - 1) ELSE '' END, ' ') AS title,
                    {trim}(substr(job, {find}(job, ' at ') + 4), ' ') AS organization
                FROM (
                    SELECT "OwnerId", "ContactId", "OccurredAtUtc",
                        CASE WHEN {find}(moves, ' to ') > 0 THEN substr(moves, 1, {find}(moves, ' to ') - 1) ELSE '' END AS job
                    FROM (SELECT "OwnerId", "ContactId", "OccurredAtUtc", substr("Text", 12) AS moves FROM "ContactEvents"
                          WHERE "Kind" = 3 AND substr("Text", 1, 11) = 'Moved from ') AS sentences
                    WHERE length(moves) - length(replace(moves, ' to ', '')) = 4
                ) AS jobs
                WHERE length(job) - length(replace(job, ' at ', '')) = 4
            ) AS parts
            WHERE title <> '' AND organization <> '';
            """);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("PastPositions");
        // SQLite (3.35 and later) drops a plain column itself; EF would rebuild the table from a snapshot we do not keep.
        if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite") m.Sql("""ALTER TABLE "AspNetUsers" DROP COLUMN "School";""");
        else m.DropColumn("School", "AspNetUsers");
    }
}

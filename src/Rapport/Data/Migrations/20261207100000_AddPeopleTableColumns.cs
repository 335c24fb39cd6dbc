using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Rapport.Data.Migrations;

/// <summary>The people table: each contact's stored sort keys (the organization's folded name, the stage of the newest
/// conversation, the next open task and when it shows), filled here from the rows and kept by
/// <c>ContactSummaryInterceptor</c> from now on; an index per sort, ending with the name and the id so a page starts where
/// the last one ended; and the columns each person chose to see.</summary>
[DbContext(typeof(RapportDb))]
[Migration("20261207100000_AddPeopleTableColumns")]
public sealed class AddPeopleTableColumns : Migration
{
    private static readonly string[] Keys = ["OrganizationKey", "Source", "LatestStage", "LastContactedOn", "NextTaskDueUtc", "Priority"];

    // As ContactSummaries computes them on every save, written out here so this migration never changes with that code.
    private const string OpenTasks = """
        FROM "FollowUpTasks" AS t WHERE t."ContactId" = "Contacts"."Id" AND t."DoneAtUtc" IS NULL AND t."DismissedAtUtc" IS NULL
          AND (t."ConversationId" IS NULL OR EXISTS (SELECT 1 FROM "Conversations" AS w WHERE w."Id" = t."ConversationId" AND w."DeletedAtUtc" IS NULL))
        ORDER BY CASE WHEN t."SnoozedUntilUtc" > t."DueUtc" THEN t."SnoozedUntilUtc" ELSE t."DueUtc" END, t."Id" LIMIT 1
        """;

    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<string>("OrganizationKey", "Contacts", maxLength: 200, nullable: true);
        m.AddColumn<int>("LatestStage", "Contacts", nullable: true);
        m.AddColumn<int>("NextTaskId", "Contacts", nullable: true);
        m.AddColumn<DateTime>("NextTaskDueUtc", "Contacts", nullable: true);
        m.AddColumn<string>("PeopleColumns", "AspNetUsers", maxLength: 200, nullable: true);
        m.Sql($"""
            UPDATE "Contacts" SET
              "OrganizationKey" = (SELECT o."NormalizedName" FROM "Organizations" AS o WHERE o."Id" = "Contacts"."OrganizationId"),
              "LatestStage" = (SELECT v."Stage" FROM "Conversations" AS v WHERE v."ContactId" = "Contacts"."Id" AND v."DeletedAtUtc" IS NULL
                ORDER BY v."CreatedAtUtc" DESC, v."Id" DESC LIMIT 1),
              "NextTaskId" = (SELECT t."Id" {OpenTasks}),
              "NextTaskDueUtc" = (SELECT CASE WHEN t."SnoozedUntilUtc" > t."DueUtc" THEN t."SnoozedUntilUtc" ELSE t."DueUtc" END {OpenTasks});
            """);
        foreach (var key in Keys)
            m.CreateIndex($"IX_Contacts_OwnerId_{key}_SearchKey_Id", "Contacts", ["OwnerId", key, "SearchKey", "Id"]);
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var key in Keys) m.DropIndex($"IX_Contacts_OwnerId_{key}_SearchKey_Id", "Contacts");
        // As in AddDateStyle: SQLite drops a plain column itself, EF would need a model snapshot to do it.
        foreach (var (table, column) in new[] { ("AspNetUsers", "PeopleColumns"), ("Contacts", "NextTaskDueUtc"), ("Contacts", "NextTaskId"),
                     ("Contacts", "LatestStage"), ("Contacts", "OrganizationKey") })
        {
            if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite") m.Sql($"ALTER TABLE \"{table}\" DROP COLUMN \"{column}\";");
            else m.DropColumn(column, table);
        }
    }
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Rapport.Data;

/// <summary>Recomputes the people table's stored sort keys of some contacts from their rows (see
/// <see cref="Domain.Contact.LatestStage"/>): the organization's folded name, the stage of the newest conversation
/// out of the trash, and the next open task a list of tasks would show. One statement for both databases; it
/// writes only the rows whose keys changed, so a refresh of a whole account rewrites what moved, not every person.
/// The contact's version and stamp are left alone: these keys are no edit of theirs, and an edit form opened
/// before stays valid.</summary>
public static class ContactSummaries
{
    /// <summary>More contacts than this in one save are refreshed as the whole account (one statement, not a long list).</summary>
    public const int MostById = 500;

    // A task "shows" when its snooze ends, never before its due time (FollowUpTask.ShowsAtUtc).
    private const string OpenTasks = """
        FROM "FollowUpTasks" AS t WHERE t."ContactId" = c."Id" AND t."DoneAtUtc" IS NULL AND t."DismissedAtUtc" IS NULL
          AND (t."ConversationId" IS NULL OR EXISTS (SELECT 1 FROM "Conversations" AS w WHERE w."Id" = t."ConversationId" AND w."DeletedAtUtc" IS NULL))
        ORDER BY CASE WHEN t."SnoozedUntilUtc" > t."DueUtc" THEN t."SnoozedUntilUtc" ELSE t."DueUtc" END, t."Id" LIMIT 1
        """;

    private const string Statement = $"""
        UPDATE "Contacts" SET "OrganizationKey" = n."OrganizationKey", "LatestStage" = n."LatestStage",
          "NextTaskId" = n."NextTaskId", "NextTaskDueUtc" = n."NextTaskDueUtc"
        FROM (SELECT c."Id",
            (SELECT o."NormalizedName" FROM "Organizations" AS o WHERE o."Id" = c."OrganizationId") AS "OrganizationKey",
            (SELECT v."Stage" FROM "Conversations" AS v WHERE v."ContactId" = c."Id" AND v."DeletedAtUtc" IS NULL
              ORDER BY v."CreatedAtUtc" DESC, v."Id" DESC LIMIT 1) AS "LatestStage",
            (SELECT t."Id" {OpenTasks}) AS "NextTaskId",
            (SELECT CASE WHEN t."SnoozedUntilUtc" > t."DueUtc" THEN t."SnoozedUntilUtc" ELSE t."DueUtc" END {OpenTasks}) AS "NextTaskDueUtc"
          FROM "Contacts" AS c WHERE c."OwnerId" = @owner AND ({"{0}"})) AS n
        WHERE "Contacts"."Id" = n."Id" AND ("Contacts"."OrganizationKey" IS DISTINCT FROM n."OrganizationKey"
          OR "Contacts"."LatestStage" IS DISTINCT FROM n."LatestStage" OR "Contacts"."NextTaskId" IS DISTINCT FROM n."NextTaskId"
          OR "Contacts"."NextTaskDueUtc" IS DISTINCT FROM n."NextTaskDueUtc")
        """;

    public static Task<int> OfContactsAsync(RapportDb db, string owner, IReadOnlyCollection<int> ids, CancellationToken cancellationToken = default) =>
        ids.Count == 0 ? Task.FromResult(0)
        : ids.Count > MostById ? OfAccountAsync(db, owner, cancellationToken)
        : RunAsync(db, owner, $"c.\"Id\" IN ({Numbers(ids)})", cancellationToken);

    /// <summary>The contacts of organizations that were renamed.</summary>
    public static Task<int> AtOrganizationsAsync(RapportDb db, string owner, IReadOnlyCollection<int> organizationIds, CancellationToken cancellationToken = default) =>
        organizationIds.Count == 0 ? Task.FromResult(0)
        : RunAsync(db, owner, $"c.\"OrganizationId\" IN ({Numbers(organizationIds)})", cancellationToken);

    /// <summary>The contacts whose organization was deleted (the database set it to null, out of the tracker's sight).</summary>
    public static Task<int> LeftWithoutOrganizationAsync(RapportDb db, string owner, CancellationToken cancellationToken = default) =>
        RunAsync(db, owner, "c.\"OrganizationId\" IS NULL AND c.\"OrganizationKey\" IS NOT NULL", cancellationToken);

    /// <summary>Every contact of the account: after a write that names no rows (a bulk update of conversations or tasks).</summary>
    public static Task<int> OfAccountAsync(RapportDb db, string owner, CancellationToken cancellationToken = default) =>
        RunAsync(db, owner, "1 = 1", cancellationToken);

    private static string Numbers(IEnumerable<int> ids) => string.Join(",", ids.Distinct().Select(i => i.ToString(CultureInfo.InvariantCulture)));

    // The condition is built here from numbers alone; the owner travels as a parameter.
#pragma warning disable EF1002 // the interpolated part is a fixed condition over integers, never input
    private static Task<int> RunAsync(RapportDb db, string owner, string condition, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(string.Format(CultureInfo.InvariantCulture, Statement, condition),
            [db.Database.IsNpgsql() ? new Npgsql.NpgsqlParameter("owner", owner) : new Microsoft.Data.Sqlite.SqliteParameter("@owner", owner)],
            cancellationToken);
#pragma warning restore EF1002
}

using Microsoft.EntityFrameworkCore;
using Rapport.Bench.Hosting;
using Rapport.Domain;
using Rapport.Features.CareerFields;
using Rapport.Features.Conversations;
using Rapport.Features.Organizations;
using Rapport.Features.People;

namespace Rapport.Bench.Data;

/// <summary>What the pages read through read models are opened on, chosen the same way at every size from
/// what <see cref="ActivitySeeder"/> wrote: the first held conversation with everything its pages show, the
/// organization with the most people, that conversation's career field, and the person recorded twice.</summary>
public sealed record PageSubjects(int Conversation, int Organization, int Field, int First, int Second)
{
    /// <summary>Each page, its address, the SQL commands it may send (its read model's own figure), and its p95 target with one client where the issues set one.</summary>
    public IReadOnlyList<(string Name, string Path, int Ceiling, double? TargetMs)> Pages =>
    [
        ("Conversation page", $"/conversations/{Conversation}", ConversationPage.SqlCommands, null),
        ("Preparation page", $"/conversations/{Conversation}/prepare", PreparationSheet.SqlCommands, null),
        ("Conversation mode", $"/conversations/{Conversation}/hold", ConversationMode.SqlCommands, null),
        ("Merge page", $"/people/merge?a={First}&b={Second}", MergeChoice.SqlCommands, null),
        ("Organization page", $"/organizations/{Organization}", OrganizationPage.SqlCommands, null),
        ("Career field page", $"/fields/{Field}", CareerFieldPage.SqlCommands, null),
        ("Board", "/conversations", Rapport.Features.Conversations.IndexModel.SqlCommands, 50),
        ("Insights, the last 12 months", "/insights?days=365", Rapport.Features.Insights.IndexModel.SqlCommands, 100),
        // The people table's first page sorted by a value kept on each contact (the next task's day).
        ("People table, by next task", "/people?sort=NextTask", 5, 25),
    ];

    public static IEnumerable<string> Names => new PageSubjects(0, 0, 0, 0, 0).Pages.Select(p => p.Name);

    public static async Task<PageSubjects> FindAsync(BenchDatabase database, string ownerId)
    {
        await using var db = ActivitySeeder.Open(database, ownerId);
        var conversation = await db.Conversations.AsNoTracking()
            .Where(c => c.Stage == ConversationStage.Held && c.Questions.Any() && c.Promises.Any() && c.Referrals.Any()
                && db.OutreachAttempts.Any(a => a.ConversationId == c.Id) && db.Replies.Any(r => r.ConversationId == c.Id))
            .OrderBy(c => c.Id).Select(c => new { c.Id, Field = c.Fields.Select(f => f.CareerFieldId).First() }).FirstAsync();
        var organization = await db.Contacts.AsNoTracking().Where(c => c.OrganizationId != null).GroupBy(c => c.OrganizationId!.Value)
            .Select(g => new { Id = g.Key, People = g.Count() }).OrderByDescending(g => g.People).ThenBy(g => g.Id).Select(g => g.Id).FirstAsync();
        var first = await db.Contacts.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.SearchKey }).FirstAsync();
        var twin = await db.Contacts.AsNoTracking().Where(c => c.SearchKey == first.SearchKey && c.Id != first.Id)
            .OrderByDescending(c => c.Id).Select(c => c.Id).FirstAsync();
        return new PageSubjects(conversation.Id, organization, conversation.Field, first.Id, twin);
    }
}

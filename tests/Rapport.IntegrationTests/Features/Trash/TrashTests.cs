using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.Trash;
using Rapport.IntegrationTests.Features.Conversations;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.Trash;

public class TrashTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    /// <summary>Amara Okafor with an email, a tag, a planned conversation and an overdue task of her own;
    /// and Stays Here, who is never deleted.</summary>
    private async Task<(SignedInUser User, int ContactId, int ConversationId)> PersonWithEverythingAsync()
    {
        var (user, contactId, _, conversationId) = await ConversationTests.PlannedAsync(_app);
        await _app.WithDbAsync(user.Id, async db =>
        {
            var contact = await db.Contacts.Include(c => c.Emails).Include(c => c.Tags).SingleAsync(c => c.Id == contactId);
            contact.Emails.Add(new ContactEmail { Address = "amara@example.org", NormalizedAddress = "amara@example.org" });
            contact.Tags.Add(ContactTag.Named("mentor"));
            contact.RefreshSearch("Riverside Health");
            db.FollowUpTasks.Add(new FollowUpTask
            {
                Kind = TaskKind.Own, ContactId = contactId, Title = "Send Amara the article", DueUtc = _app.Clock.GetUtcNow().UtcDateTime.AddDays(-1),
            });
            await db.SaveChangesAsync();
            return 0;
        });
        await _app.AddContactAsync(user.Id, "Stays", "Here");
        return (user, contactId, conversationId);
    }

    /// <summary>Deletes and reads the page it leads to, as a browser would (so its status message is shown and gone).</summary>
    private static async Task DeleteContactAsync(SignedInUser user, int id) =>
        await user.Client.FollowAsync(await user.Client.SubmitAsync(await user.Client.GetPageAsync($"/people/{id}/delete"), "main form", []));

    private static async Task<string> TextAsync(SignedInUser user, string url)
    {
        var response = await user.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_deleted_contact_leaves_every_list_search_count_and_export_and_waits_in_the_trash()
    {
        var (user, contactId, conversationId) = await PersonWithEverythingAsync();
        Assert.Contains("Send Amara the article", await TextAsync(user, "/today"));
        Assert.Contains("Amara", await TextAsync(user, "/import?handler=ContactsCsv"));
        Assert.Equal(2, await NetworkSizeOnTodayAsync(user));

        await DeleteContactAsync(user, contactId);
        Assert.Equal(1, await NetworkSizeOnTodayAsync(user));

        var people = await user.Client.GetPageAsync("/people");
        Assert.DoesNotContain("Amara", people.Text);
        Assert.Contains("Stays", people.Text);
        Assert.DoesNotContain("Amara", (await user.Client.GetPageAsync("/people?q=okafor")).Text);
        Assert.DoesNotContain("Amara", (await user.Client.GetPageAsync("/people?q=mentor")).Text);
        Assert.DoesNotContain("Send Amara the article", await TextAsync(user, "/today"));
        Assert.DoesNotContain("Send Amara the article", await TextAsync(user, "/follow-ups"));
        Assert.DoesNotContain("Amara", await TextAsync(user, "/conversations"));
        Assert.DoesNotContain("Amara", await TextAsync(user, "/import?handler=ContactsCsv"));
        Assert.DoesNotContain("Amara", await TextAsync(user, "/import?handler=ContactsVCard"));
        Assert.DoesNotContain("Riverside", await TextAsync(user, "/people/duplicates"));
        Assert.Equal(HttpStatusCode.NotFound, (await user.Client.GetAsync($"/people/{contactId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.Client.GetAsync($"/conversations/{conversationId}")).StatusCode);
        Assert.Equal(1, await _app.WithDbAsync(user.Id, db => db.Contacts.CountAsync()));

        var trash = await user.Client.GetPageAsync("/trash");
        var row = trash.Document.QuerySelector($"[data-trash-contact='{contactId}']")!;
        Assert.Contains("Amara Okafor (with 1 conversation)", row.TextContent);
        Assert.Equal("30", row.QuerySelectorAll("td")[2].TextContent.Trim());
        Assert.Null(trash.Document.QuerySelector($"[data-trash-conversation='{conversationId}']"));
    }

    [Fact]
    public async Task Restoring_a_contact_brings_them_back_with_their_conversation_tasks_and_details()
    {
        var (user, contactId, conversationId) = await PersonWithEverythingAsync();
        var questions = await _app.WithDbAsync(user.Id, db => db.ConversationQuestions.CountAsync(q => q.ConversationId == conversationId));
        await DeleteContactAsync(user, contactId);
        Assert.Equal(1, await NetworkSizeOnTodayAsync(user));

        var trash = await user.Client.GetPageAsync("/trash");
        var back = await user.Client.FollowAsync(await user.Client.SubmitAsync(trash, $"[data-trash-contact='{contactId}'] form[action*='RestoreContact']", []));
        Assert.Equal("Amara Okafor is back.", back.Status);
        Assert.NotNull(back.Document.QuerySelector("#trash-empty"));

        var page = await user.Client.GetPageAsync($"/people/{contactId}");
        Assert.Contains("amara@example.org", page.Text);
        Assert.Contains("mentor", page.Text);
        Assert.Contains("Amara", (await user.Client.GetPageAsync("/people?q=okafor")).Text);
        Assert.Contains("Send Amara the article", await TextAsync(user, "/today"));
        Assert.Contains("Amara", await TextAsync(user, "/conversations"));
        Assert.Equal(questions, await _app.WithDbAsync(user.Id, db => db.ConversationQuestions.CountAsync(q => q.ConversationId == conversationId)));
        Assert.Equal(2, await _app.WithDbAsync(user.Id, db => db.Contacts.CountAsync()));
        Assert.Equal(2, await NetworkSizeOnTodayAsync(user));
    }

    /// <summary>The "N people in your network" figure on Today, which is remembered between requests.</summary>
    private static async Task<int> NetworkSizeOnTodayAsync(SignedInUser user)
    {
        var today = await user.Client.GetPageAsync("/today");
        var figure = today.Document.QuerySelectorAll(".stat-value")
            .Single(v => v.ParentElement!.TextContent.Contains("in your network", StringComparison.Ordinal));
        return int.Parse(figure.TextContent.Trim(), System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_conversation_deleted_on_its_own_goes_to_the_trash_and_comes_back()
    {
        var (user, contactId, conversationId) = await PersonWithEverythingAsync();
        var details = await user.Client.GetPageAsync($"/conversations/{conversationId}");
        var list = await user.Client.FollowAsync(await user.Client.SubmitAsync(details, "form[action*='handler=Delete']", []));
        Assert.Equal("The conversation is in the trash for 30 days.", list.Status);
        Assert.DoesNotContain("Amara", list.Text);
        Assert.Contains("Amara", (await user.Client.GetPageAsync($"/people/{contactId}")).Text);

        var trash = await user.Client.GetPageAsync("/trash");
        Assert.Contains("Amara Okafor", trash.Document.QuerySelector($"[data-trash-conversation='{conversationId}']")!.TextContent);
        await user.Client.SubmitAsync(trash, $"[data-trash-conversation='{conversationId}'] form[action*='RestoreConversation']", []);
        Assert.Contains("Amara", await TextAsync(user, "/conversations"));
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync($"/conversations/{conversationId}")).StatusCode);
    }

    [Fact]
    public async Task Deleting_forever_removes_the_rows_and_everything_hanging_off_them()
    {
        var (user, contactId, conversationId) = await PersonWithEverythingAsync();
        await DeleteContactAsync(user, contactId);
        var trash = await user.Client.GetPageAsync("/trash");
        var after = await user.Client.FollowAsync(await user.Client.SubmitAsync(trash, $"[data-trash-contact='{contactId}'] form[action*='PurgeContact']", []));
        Assert.Equal("Deleted forever.", after.Status);
        Assert.Equal(0, await RowsOfAsync(user.Id, contactId, conversationId));
        Assert.Equal(1, await _app.WithDbAsync(user.Id, db => db.ContactsWithTrash.CountAsync()));
    }

    [Fact]
    public async Task Emptying_the_trash_removes_everything_in_it_and_nothing_else()
    {
        var (user, contactId, conversationId) = await PersonWithEverythingAsync();
        await DeleteContactAsync(user, contactId);
        var after = await user.Client.FollowAsync(await user.Client.SubmitAsync(await user.Client.GetPageAsync("/trash"), "#empty-trash", []));
        Assert.Equal("The trash is empty.", after.Status);
        Assert.Equal(0, await RowsOfAsync(user.Id, contactId, conversationId));
        Assert.Equal(["Stays"], await _app.WithDbAsync(user.Id, db => db.ContactsWithTrash.Select(c => c.FirstName).ToListAsync()));
    }

    [Fact]
    public async Task Items_older_than_30_days_are_removed_by_the_daily_pass_and_younger_ones_stay()
    {
        var (user, contactId, conversationId) = await PersonWithEverythingAsync();
        var younger = await _app.AddContactAsync(user.Id, "Younger", "Deletion");
        var start = _app.Clock.GetUtcNow();
        try
        {
            await DeleteContactAsync(user, contactId);
            _app.Clock.Advance(TimeSpan.FromDays(2));
            await DeleteContactAsync(user, younger);
            var trash = await user.Client.GetPageAsync("/trash");
            Assert.Equal("28", trash.Document.QuerySelector($"[data-trash-contact='{contactId}'] td:nth-child(3)")!.TextContent.Trim());
            Assert.Equal("30", trash.Document.QuerySelector($"[data-trash-contact='{younger}'] td:nth-child(3)")!.TextContent.Trim());
            var purge = _app.Services.GetRequiredService<TrashPurge>();
            await purge.RunOnceAsync();
            Assert.True(await RowsOfAsync(user.Id, contactId, conversationId) > 0);

            _app.Clock.Advance(TimeSpan.FromDays(28) + TimeSpan.FromMinutes(1));
            Assert.True(await purge.RunOnceAsync() >= 2);

            Assert.Equal(0, await RowsOfAsync(user.Id, contactId, conversationId));
            Assert.Equal(1, await _app.WithDbAsync(user.Id, db => db.ContactsWithTrash.CountAsync(c => c.Id == younger && c.DeletedAtUtc != null)));
        }
        finally
        {
            _app.Clock.Set(start);
        }
    }

    [Theory]
    [InlineData("RestoreContact")]
    [InlineData("PurgeContact")]
    [InlineData("RestoreConversation")]
    [InlineData("PurgeConversation")]
    public async Task Another_users_trash_ids_answer_404_and_change_nothing(string handler)
    {
        var (owner, contactId, conversationId) = await PersonWithEverythingAsync();
        await DeleteContactAsync(owner, contactId);
        if (handler.EndsWith("Conversation", StringComparison.Ordinal))
        {
            await owner.Client.SubmitAsync(await owner.Client.GetPageAsync("/trash"), $"[data-trash-contact='{contactId}'] form[action*='RestoreContact']", []);
            await owner.Client.SubmitAsync(await owner.Client.GetPageAsync($"/conversations/{conversationId}"), "form[action*='handler=Delete']", []);
        }
        var id = handler.EndsWith("Conversation", StringComparison.Ordinal) ? conversationId : contactId;
        var other = await _app.SignUpAsync();
        var page = await other.Client.GetPageAsync("/trash");
        var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await other.Client.PostAsync($"/trash?handler={handler}&id={id}", [new("__RequestVerificationToken", token)]);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var trash = await owner.Client.GetPageAsync("/trash");
        Assert.NotNull(trash.Document.QuerySelector(handler.EndsWith("Conversation", StringComparison.Ordinal)
            ? $"[data-trash-conversation='{conversationId}']" : $"[data-trash-contact='{contactId}']"));
        Assert.True(await RowsOfAsync(owner.Id, contactId, conversationId) > 0);
    }

    [Fact]
    public async Task Reimporting_a_linkedin_contact_that_is_in_the_trash_adds_them_anew_and_leaves_the_trashed_one()
    {
        var user = await _app.SignUpAsync();
        var csv = Uploads.ConnectionsCsv("Ada,Lovelace,https://www.linkedin.com/in/ada,,Analytical Engines,Mathematician,15 Mar 2024");
        await ImportAsync(user, csv);
        var first = await _app.WithDbAsync(user.Id, db => db.Contacts.Select(c => c.Id).SingleAsync());
        await DeleteContactAsync(user, first);

        await ImportAsync(user, csv);

        var ids = await _app.WithDbAsync(user.Id, db => db.Contacts.Select(c => c.Id).ToListAsync());
        Assert.Single(ids);
        Assert.NotEqual(first, ids[0]);
        Assert.NotNull((await user.Client.GetPageAsync("/trash")).Document.QuerySelector($"[data-trash-contact='{first}']"));
    }

    private static async Task ImportAsync(SignedInUser user, byte[] csv)
    {
        var page = await user.Client.GetPageAsync("/import");
        var preview = await user.Client.FollowAsync(await user.Client.UploadAsync(page, "form[action*='handler=LinkedIn']", "Connections.csv", csv));
        await user.Client.SubmitAsync(preview, "main form:not([action*='Cancel'])", []);
    }

    /// <summary>Rows of the contact and their conversation, trashed or not: the contact, emails, tags, the conversation,
    /// its questions and the contact's tasks.</summary>
    private Task<int> RowsOfAsync(string ownerId, int contactId, int conversationId) => _app.WithDbAsync(ownerId, async db =>
        await db.ContactsWithTrash.CountAsync(c => c.Id == contactId)
        + await db.ContactEmails.IgnoreQueryFilters([RapportDb.TrashFilter]).CountAsync(e => e.ContactId == contactId)
        + await db.ContactTags.IgnoreQueryFilters([RapportDb.TrashFilter]).CountAsync(t => t.ContactId == contactId)
        + await db.ConversationsWithTrash.CountAsync(c => c.Id == conversationId)
        + await db.ConversationQuestions.IgnoreQueryFilters([RapportDb.TrashFilter]).CountAsync(q => q.ConversationId == conversationId)
        + await db.FollowUpTasks.IgnoreQueryFilters([RapportDb.TrashFilter]).CountAsync(t => t.ContactId == contactId));
}

using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rapport.Domain;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.ImportExport;

public class LinkedInHistoryImportTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string Me = "https://www.linkedin.com/in/sam-student";
    private const string Confirm = "main form:not([action*='Cancel'])";
    private readonly RapportApp _app = fixture.App;

    private static readonly byte[] Connections = Uploads.ConnectionsCsv(
        "Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace/,,Analytical Engines,Mathematician,15 Mar 2024",
        "Grace,Hopper,https://www.linkedin.com/in/gracehopper,,US Navy,Rear Admiral,07 Dec 2025",
        "Zoë,Saldaña,https://www.linkedin.com/in/zoe-s,,Harbor Museum,Exhibit designer,1 Jan 2026");

    private static readonly string Invitations = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\r\n"
        + $"Sam Student,Ada Lovelace,\"11/20/25, 9:05 AM\",\"Hi Ada,\nI loved your talk on engines.\",OUTGOING,{Me},https://uk.linkedin.com/in/Ada-Lovelace/\r\n"
        + $"Sam Student,Grace Hopper,\"11/21/25, 9:05 AM\",,OUTGOING,{Me},https://www.linkedin.com/in/gracehopper\r\n";

    private static readonly string Messages =
        "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\r\n"
        + $"t1,,Sam Student,{Me},Ada Lovelace,https://www.linkedin.com/in/ada-lovelace,2025-12-01 09:10:00 UTC,,Could we talk for 20 minutes?,INBOX\r\n"
        + $"t1,,Ada Lovelace,https://www.linkedin.com/in/ada-lovelace,Sam Student,{Me},2025-12-02 14:00:00 UTC,,\"Sure,\nThursday?\",INBOX\r\n"
        + $"t2,,ZoÃ« SaldaÃ±a,https://www.linkedin.com/in/ACoAAB123,Sam Student,{Me},2025-12-03 08:00:00 UTC,,Hola Sam,INBOX\r\n"
        + $"t3,,Alan Turing,https://www.linkedin.com/in/alan-turing,Sam Student,{Me},2025-12-04 08:00:00 UTC,,Hello,INBOX\r\n"
        + $"t4,,Acme Ads,,Sam Student,{Me},2025-12-05 08:00:00 UTC,Offer,Buy now,SPONSORED_INBOX\r\n";

    private static byte[] Export(string? messages = null, byte[]? connections = null)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in new[] { ("Connections.csv", connections ?? Connections), ("Invitations.csv", Encoding.UTF8.GetBytes(Invitations)),
                ("messages.csv", Encoding.UTF8.GetBytes(messages ?? Messages)) })
            {
                using var entry = archive.CreateEntry($"Complete_LinkedInDataExport/{name}").Open();
                entry.Write(content);
            }
        }
        return buffer.ToArray();
    }

    private static async Task<HtmlPage> UploadAsync(AppClient client, byte[] content)
    {
        var page = await client.GetPageAsync("/import");
        var response = await client.UploadAsync(page, "form[action*='handler=LinkedIn']", "Complete_LinkedInDataExport.zip", content);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await client.FollowAsync(response);
    }

    private static string History(HtmlPage preview) =>
        System.Text.RegularExpressions.Regex.Replace(preview.Document.QuerySelector(".history-preview")?.TextContent ?? "", @"\s+", " ");

    private Task<(int Sent, int Received)> MessagesAsync(string ownerId) => _app.WithDbAsync(ownerId, async db =>
        (await db.OutreachAttempts.CountAsync(a => a.Channel == Channel.LinkedIn), await db.ContactEvents.CountAsync(e => e.Kind == ContactEventKind.MessageReceived)));

    [Fact]
    public async Task The_whole_export_previews_the_history_then_imports_it_onto_the_people_it_brings()
    {
        var user = await _app.SignUpAsync();
        var preview = await UploadAsync(user.Client, Export());

        var history = History(preview);
        Assert.Contains("4 messages for 2 people", history);
        Assert.Contains("2 you sent (invitation notes included), 1 reply to yours, 1 other message to you", history);
        Assert.Contains("1 sponsored message, 1 invitation without a note", history);
        Assert.Equal(["Alan Turing (https://www.linkedin.com/in/alan-turing): 1 message"],
            preview.Document.QuerySelectorAll(".unmatched li").Select(li => li.TextContent));
        Assert.Contains("Import 3 people and 4 messages", preview.Text);
        Assert.Equal((0, 0), await MessagesAsync(user.Id));

        var people = await user.Client.FollowAsync(await user.Client.SubmitAsync(preview, Confirm, []));
        Assert.Contains("3 people added or updated, 4 messages from the LinkedIn history", people.Status);
        Assert.Equal((2, 2), await MessagesAsync(user.Id));
        var ada = await _app.WithDbAsync(user.Id, db => db.Contacts.Where(c => c.FirstName == "Ada").Select(c => new { c.Id, c.LastContactedOn }).SingleAsync());
        Assert.Equal(new DateOnly(2025, 12, 2), ada.LastContactedOn);
        var zoe = await _app.WithDbAsync(user.Id, db => db.Contacts.Where(c => c.FirstName == "Zoë").Select(c => c.LastContactedOn).SingleAsync());
        Assert.Equal(new DateOnly(2025, 12, 3), zoe); // matched by her name, written double-encoded, under another address
        Assert.Null(await _app.WithDbAsync(user.Id, db => db.Contacts.Where(c => c.FirstName == "Grace").Select(c => c.LastContactedOn).SingleAsync()));

        var page = await user.Client.GetPageAsync($"/people/{ada.Id}");
        Assert.Contains("I loved your talk on engines.", page.Text);
        Assert.Contains("Could we talk for 20 minutes?", page.Text);
        Assert.Contains("Replied on LinkedIn: Sure,", page.Text);
    }

    [Fact]
    public async Task A_second_import_of_the_same_export_adds_nothing()
    {
        var user = await _app.SignUpAsync();
        await user.Client.SubmitAsync(await UploadAsync(user.Client, Export()), Confirm, []);
        var version = await _app.WithDbAsync(user.Id, db => db.Contacts.SumAsync(c => c.Version));

        var again = await UploadAsync(user.Client, Export());
        Assert.Contains("0 messages for 0 people", History(again));
        Assert.Contains("4 messages imported before are left out", History(again));
        Assert.Contains("nothing new to import", again.Text);
        Assert.Equal((2, 2), await MessagesAsync(user.Id));
        Assert.Equal(version, await _app.WithDbAsync(user.Id, db => db.Contacts.SumAsync(c => c.Version)));
    }

    [Fact]
    public async Task A_newer_export_adds_only_the_new_messages_and_last_in_touch_never_moves_back()
    {
        var user = await _app.SignUpAsync();
        await user.Client.SubmitAsync(await UploadAsync(user.Client, Export()), Confirm, []);
        await _app.WithDbAsync(user.Id, db => db.Contacts.Where(c => c.FirstName == "Ada")
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.LastContactedOn, new DateOnly(2026, 1, 10))));
        var newer = Messages + $"t1,,Sam Student,{Me},Ada Lovelace,https://www.linkedin.com/in/ada-lovelace,2025-12-20 09:00:00 UTC,,Thank you!,INBOX\r\n";

        var preview = await UploadAsync(user.Client, Export(newer));
        Assert.Contains("1 message for 1 person", History(preview));
        Assert.Contains("Import 1 message", preview.Text);
        var people = await user.Client.FollowAsync(await user.Client.SubmitAsync(preview, Confirm, []));
        Assert.Contains("1 message from the LinkedIn history", people.Status);
        Assert.Equal((3, 2), await MessagesAsync(user.Id));
        Assert.Equal(new DateOnly(2026, 1, 10), await _app.WithDbAsync(user.Id, db => db.Contacts.Where(c => c.FirstName == "Ada").Select(c => c.LastContactedOn).SingleAsync()));
    }

    [Fact]
    public async Task An_imported_message_moves_the_keep_in_touch_reminder_as_a_logged_one_does()
    {
        var user = await _app.SignUpAsync();
        // Keeping in touch is off, except with mentors: every 30 days.
        await user.Client.KeepInTouchOnlyWithAsync("Mentor", 30);
        var ada = await _app.AddContactAsync(user.Id, "Ada", "Lovelace", "Analytical Engines", c =>
        {
            c.LinkedInUrl = "https://www.linkedin.com/in/ada-lovelace";
            c.SetTags(["Mentor"]);
        });
        // Keeping in touch is for people the person has talked with: Ada, on 1 October.
        await _app.WithDbAsync(user.Id, async db =>
        {
            var met = new DateTime(2026, 10, 1, 9, 0, 0, DateTimeKind.Utc);
            db.Conversations.Add(new Conversation { ContactId = ada, Stage = ConversationStage.Held, MeetingStartUtc = met, StartedAtUtc = met, StageChangedAtUtc = met });
            return await db.SaveChangesAsync();
        });
        Task<List<DateTime>> RemindersAsync() => _app.WithDbAsync(user.Id, db => db.FollowUpTasks
            .Where(t => t.ContactId == ada && t.Kind == TaskKind.KeepInTouch && t.DoneAtUtc == null && t.DismissedAtUtc == null).Select(t => t.DueUtc).ToListAsync());
        var before = await RemindersAsync();

        var messages = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\r\n"
            + $"t1,,Ada Lovelace,https://www.linkedin.com/in/ada-lovelace,Sam Student,{Me},2026-11-20 09:10:00 UTC,,How did the interview go?,INBOX\r\n";
        Assert.Equal(HttpStatusCode.Redirect, (await user.Client.SubmitAsync(await UploadAsync(user.Client, Export(messages)), Confirm, [])).StatusCode);

        // Thirty days after her message of 20 November, at 09:00 in Berlin: the rule read the imported message.
        var after = Assert.Single(await RemindersAsync());
        Assert.Equal(new DateTime(2026, 12, 20, 8, 0, 0, DateTimeKind.Utc), after);
        Assert.DoesNotContain(after, before);
    }

    [Fact]
    public async Task Unticking_the_history_imports_the_people_alone()
    {
        var user = await _app.SignUpAsync();
        var preview = await UploadAsync(user.Client, Export());
        await user.Client.SubmitAsync(preview, Confirm, new() { ["ImportHistory"] = "false" });
        Assert.Equal(3, await _app.WithDbAsync(user.Id, db => db.Contacts.CountAsync()));
        Assert.Equal((0, 0), await MessagesAsync(user.Id));
    }

    [Fact]
    public async Task A_bad_messages_file_is_named_by_line_and_imports_nothing_of_the_history()
    {
        var user = await _app.SignUpAsync();
        // Line 8: the reply on lines 3 and 4 holds a line break.
        var bad = Messages + $"t9,,Ada Lovelace,https://www.linkedin.com/in/ada-lovelace,Sam Student,{Me},last Tuesday,,Hi,INBOX\r\n";
        var preview = await UploadAsync(user.Client, Export(bad));
        Assert.Contains("messages.csv, line 8: 'DATE' is not a date (“last Tuesday”).", History(preview));
        Assert.Null(preview.Document.QuerySelector("input[name=ImportHistory][type=checkbox]"));

        // Asking for it anyway (a form from before, a hand-made post) changes nothing at all.
        var response = await user.Client.SubmitAsync(preview, Confirm, new() { ["ImportHistory"] = "true" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The history cannot be imported", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await _app.WithDbAsync(user.Id, db => db.Contacts.CountAsync()));
        Assert.Equal((0, 0), await MessagesAsync(user.Id));
    }

    [Fact]
    public async Task A_messages_file_without_its_columns_is_named_and_the_people_still_import()
    {
        var user = await _app.SignUpAsync();
        var preview = await UploadAsync(user.Client, Export("FROM,TO,DATE\r\nAda,Sam,2025-12-01 09:10:00 UTC\r\n"));
        Assert.Contains("messages.csv: the header on line 1 has no 'CONVERSATION ID'", History(preview));
        await user.Client.SubmitAsync(preview, Confirm, []);
        Assert.Equal(3, await _app.WithDbAsync(user.Id, db => db.Contacts.CountAsync()));
        Assert.Equal((0, 0), await MessagesAsync(user.Id));
    }

    [Fact]
    public async Task Another_persons_contacts_are_never_matched()
    {
        var other = await _app.SignUpAsync();
        var theirs = await _app.AddContactAsync(other.Id, "Alan", "Turing", more: c => c.LinkedInUrl = "https://www.linkedin.com/in/alan-turing");
        var user = await _app.SignUpAsync();
        var preview = await UploadAsync(user.Client, Export());
        Assert.Contains("Alan Turing (https://www.linkedin.com/in/alan-turing): 1 message", History(preview));
        await user.Client.SubmitAsync(preview, Confirm, []);

        Assert.Equal((0, 0), await MessagesAsync(other.Id));
        Assert.Null(await _app.WithDbAsync(other.Id, db => db.Contacts.Where(c => c.Id == theirs).Select(c => c.LastContactedOn).SingleAsync()));
    }

    [Fact]
    public async Task A_bare_connections_file_offers_no_history()
    {
        var user = await _app.SignUpAsync();
        var page = await user.Client.GetPageAsync("/import");
        var preview = await user.Client.FollowAsync(await user.Client.UploadAsync(page, "form[action*='handler=LinkedIn']", "Connections.csv", Connections));
        Assert.Null(preview.Document.QuerySelector(".history-preview"));
        Assert.Contains("Import 3 people", preview.Text);
    }
}

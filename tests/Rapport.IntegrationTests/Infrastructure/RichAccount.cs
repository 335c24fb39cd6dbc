using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.FollowUps;

namespace Rapport.IntegrationTests.Infrastructure;

/// <summary>An account with a row in every table a person owns: the sample data, plus what it lacks
/// (phones, links, own questions and templates, cadences, an outcome, a task whose rule row is gone),
/// with text that is awkward to carry (accents, emoji, new lines, quotes).</summary>
public static class RichAccount
{
    public static async Task SeedAsync(RapportApp app, string userId)
    {
        await app.Services.RunOutsideRequestAsync(userId, services => services.GetRequiredService<DemoData>().AddSampleContactsAsync());
        await app.WithDbAsync(userId, async db =>
        {
            var contact = await db.Contacts.Include(c => c.Emails).Include(c => c.Tags).OrderBy(c => c.Id).FirstAsync();
            contact.Phones.Add(new ContactPhone { Number = "+49 30 1234567", Label = "mobile" });
            contact.Photo = new ContactPhoto { ContentType = "image/png", Bytes = TestImages.Png };
            contact.PastPositions.Add(PastPosition.At("Zoë Labs, \"Berlin\"", "Analyst 🙂", new DateTime(2025, 3, 1, 9, 0, 0, DateTimeKind.Utc)));
            contact.Notes = "Zoë said: \"call after 5\"\nsecond line 🙂 <b>not html</b>";
            var field = await db.CareerFields.OrderBy(f => f.Id).FirstAsync();
            field.Links.Add(new CareerFieldLink { Url = "https://example.org/fields?a=1&b=2", Label = "Overview" });
            var organization = await db.Organizations.OrderBy(o => o.Id).FirstAsync();
            organization.Fields.Add(new OrganizationField { CareerFieldId = field.Id });
            db.OwnQuestions.Add(new OwnQuestion { Text = "What surprised you in your first year?", Theme = QuestionTheme.DayToDay, Part = ConversationPart.Insights, Goals = ConversationGoal.DecideFit });
            db.HiddenQuestions.Add(new HiddenQuestion { Key = "typical-day" });
            db.OwnTemplates.Add(new OwnTemplate { Name = "My request", Subject = "Hello {{contact.first_name}}", Body = "Dear {{contact.first_name}},\n\nMüller & co." });
            db.TagCadences.Add(new TagCadence { TagNormalizedName = "alumni", Days = 60 });
            var outcome = new SearchOutcome { Kind = OutcomeKind.TookRole, Text = "Joined a research team", RecordedAtUtc = new DateTime(2026, 11, 20, 9, 30, 0, DateTimeKind.Utc) };
            db.SearchOutcomes.Add(outcome);
            await db.SaveChangesAsync();
            db.FollowUpTasks.Add(new FollowUpTask { ContactId = contact.Id, Kind = TaskKind.CloseTheLoop, RuleKey = $"close-loop:{outcome.Id}:{contact.Id}", Title = "Tell them how it ended", DueUtc = new DateTime(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc), AllDay = true });
            // A rule key naming a promise deleted since: no rule can want it again.
            db.FollowUpTasks.Add(new FollowUpTask { ContactId = contact.Id, Kind = TaskKind.Promise, RuleKey = "promise:987654", Title = "A promise since withdrawn", DueUtc = new DateTime(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc) });
            db.Users.Single(u => u.Id == userId).SelfIntroduction = "I study design and want to learn how research teams work.";
            await db.SaveChangesAsync();
            return 0;
        });
        // The rules follow every write in the app; the rows above were written past it, so run them once here as they would have.
        await using var rules = app.Services.CreateAsyncScope();
        rules.ServiceProvider.GetRequiredService<CurrentOwner>().ActAs(userId);
        await rules.ServiceProvider.GetRequiredService<FollowUpEngine>().SyncAsync();
    }

    /// <summary>The account's Rapport JSON export, downloaded as the person would.</summary>
    public static async Task<JsonObject> ExportAsync(AppClient client)
    {
        var response = await client.GetAsync("/import/restore?handler=Export");
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    /// <summary>The export without what differs between two exports of the same data (when, and whose account).</summary>
    public static string Comparable(JsonObject export)
    {
        var copy = export.DeepClone().AsObject();
        copy.Remove("exportedAtUtc");
        copy.Remove("email");
        return copy.ToJsonString();
    }

    public static async Task<HttpResponseMessage> RestoreAsync(AppClient client, byte[] file, string fileName = "rapport-export.json")
    {
        var page = await client.GetPageAsync("/import/restore");
        return await client.UploadAsync(page, "main form[enctype]", fileName, file);
    }
}

using System.Text.RegularExpressions;
using Rapport.Data;
using Rapport.Domain;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Web;

/// <summary>Two accounts, one with a single conversation, question, person... of each kind and one with five,
/// and the app counting the SQL commands of each request. The benchmark checks the same at 1,000 and 30,000
/// contacts; this keeps CI from waiting for it.</summary>
public sealed class SqlCommandsPerPageFixture : IAsyncLifetime
{
    /// <summary>What the pages are about: a conversation, an organization, a field, two people to merge.</summary>
    public sealed record Ids(int Conversation, int Organization, int Field, int First, int Second);

    public RapportApp App { get; private set; } = null!;
    public (SignedInUser User, Ids Ids) Small { get; private set; }
    public (SignedInUser User, Ids Ids) Larger { get; private set; }

    public async Task InitializeAsync()
    {
        App = await RapportApp.StartAsync(new() { [SqlCommandCount.Setting] = "true" });
        Small = await AccountAsync(1);
        Larger = await AccountAsync(5);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    private async Task<(SignedInUser, Ids)> AccountAsync(int n)
    {
        var user = await App.SignUpAsync();
        return (user, await App.WithDbAsync(user.Id, async db =>
        {
            var now = App.Clock.GetUtcNow().UtcDateTime;
            var field = new CareerField();
            field.Rename("Research");
            var organization = new Organization();
            organization.Rename("Acme");
            organization.Fields.Add(new OrganizationField { CareerField = field });
            var people = new List<Contact>();
            for (var i = 0; i < n + 2; i++)
            {
                var person = new Contact { FirstName = $"Person {i}", LastName = "Doe", Organization = organization };
                person.Fields.Add(new ContactField { CareerField = field });
                for (var j = 0; j < n; j++)
                {
                    person.Emails.Add(new ContactEmail { Address = $"p{i}.{j}@example.com", NormalizedAddress = $"p{i}.{j}@example.com" });
                    person.Phones.Add(new ContactPhone { Number = $"+1 555 {i}{j}" });
                    person.Tags.Add(ContactTag.Named($"tag {j}"));
                }
                person.RefreshSearch(organization.Name);
                people.Add(person);
            }
            db.Contacts.AddRange(people);
            for (var i = 0; i < n; i++)
            {
                field.Links.Add(new CareerFieldLink { Url = $"https://example.com/{i}" });
                field.OpenQuestions.Add(new OpenQuestion { Text = $"Open question {i}" });
                db.OwnQuestions.Add(new OwnQuestion { Text = $"Own question {i}", Theme = QuestionTheme.DayToDay, Part = ConversationPart.Insights });
                db.HiddenQuestions.Add(new HiddenQuestion { Key = QuestionBank.BuiltIn[i].Key });
            }
            db.CareerFields.Add(field);
            var conversations = Enumerable.Range(0, n).Select(i => Held(people[i], organization, field, people[^1], n, now)).ToList();
            db.Conversations.AddRange(conversations);
            await db.SaveChangesAsync();
            foreach (var conversation in conversations)
            {
                for (var j = 0; j < n; j++)
                {
                    db.OutreachAttempts.Add(new OutreachAttempt
                    {
                        ContactId = conversation.ContactId, ConversationId = conversation.Id, Channel = Channel.Email, Purpose = TemplatePurpose.Request,
                        Body = "Hello", SentAtUtc = now.AddDays(-10 + j),
                    });
                    db.Replies.Add(new Reply { ContactId = conversation.ContactId, ConversationId = conversation.Id, Kind = ReplyKind.Accepted, AtUtc = now.AddDays(-9 + j) });
                }
            }
            await db.SaveChangesAsync();
            return new Ids(conversations[0].Id, organization.Id, field.Id, people[0].Id, people[1].Id);
        }));
    }

    /// <summary>A held conversation with n of each thing that hangs off it; all meet at once, so each overlaps the others.</summary>
    private static Conversation Held(Contact contact, Organization organization, CareerField field, Contact referred, int n, DateTime now)
    {
        var conversation = new Conversation
        {
            Contact = contact, Organization = organization, Stage = ConversationStage.Held, StageChangedAtUtc = now,
            MeetingStartUtc = now.AddDays(-1), DurationMinutes = 60, Learned = "Something", FitRating = 4,
        };
        conversation.Fields.Add(new ConversationField { CareerField = field });
        conversation.StageChanges.Add(new StageChange { To = ConversationStage.Idea, AtUtc = now.AddDays(-20) });
        conversation.StageChanges.Add(new StageChange { From = ConversationStage.Idea, To = ConversationStage.Held, AtUtc = now });
        for (var j = 0; j < n; j++)
        {
            var bank = QuestionBank.BuiltIn[10 + j];
            conversation.Questions.Add(new ConversationQuestion { Source = "bank:" + bank.Key, Text = bank.Text, Part = bank.Part, Position = j, Notes = "Noted" });
            conversation.Promises.Add(new Promise { Text = $"Promise {j}", CreatedAtUtc = now });
            conversation.Referrals.Add(new Referral { Contact = referred, MayUseName = NameUse.Yes, CreatedAtUtc = now });
        }
        return conversation;
    }
}

public partial class SqlCommandsPerPageTests(SqlCommandsPerPageFixture fixture) : IClassFixture<SqlCommandsPerPageFixture>
{
    public static TheoryData<string> PageNames => ["Conversation", "Preparation", "Conversation mode", "Merge", "Organization", "Career field", "Board", "Insights"];

    private static (string Path, int Ceiling) Page(string name, SqlCommandsPerPageFixture.Ids ids) => name switch
    {
        "Conversation" => ($"/conversations/{ids.Conversation}", Rapport.Features.Conversations.ConversationPage.SqlCommands),
        "Preparation" => ($"/conversations/{ids.Conversation}/prepare", Rapport.Features.Conversations.PreparationSheet.SqlCommands),
        "Conversation mode" => ($"/conversations/{ids.Conversation}/hold", Rapport.Features.Conversations.ConversationMode.SqlCommands),
        "Merge" => ($"/people/merge?a={ids.First}&b={ids.Second}", Rapport.Features.People.MergeChoice.SqlCommands),
        "Organization" => ($"/organizations/{ids.Organization}", Rapport.Features.Organizations.OrganizationPage.SqlCommands),
        "Board" => ("/conversations", Rapport.Features.Conversations.IndexModel.SqlCommands),
        "Insights" => ("/insights?days=365", Rapport.Features.Insights.IndexModel.SqlCommands),
        _ => ($"/fields/{ids.Field}", Rapport.Features.CareerFields.CareerFieldPage.SqlCommands),
    };

    private static async Task<(int Commands, int Length)> ViewAsync(AppClient client, string path)
    {
        var page = await client.GetPageAsync(path);
        var timing = string.Join(",", page.Response.Headers.GetValues("Server-Timing"));
        return (int.Parse(SqlCount().Match(timing).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), page.Html.Length);
    }

    [Theory]
    [MemberData(nameof(PageNames))]
    public async Task A_page_sends_as_many_SQL_commands_for_five_of_everything_as_for_one_and_no_more_than_its_ceiling(string name)
    {
        var (path, ceiling) = Page(name, fixture.Small.Ids);
        var small = await ViewAsync(fixture.Small.User.Client, path);
        var larger = await ViewAsync(fixture.Larger.User.Client, Page(name, fixture.Larger.Ids).Path);
        Assert.True(larger.Length > small.Length, "The larger account's page shows more.");
        Assert.Equal(small.Commands, larger.Commands);
        Assert.InRange(small.Commands, 1, ceiling);
    }

    [GeneratedRegex(@"sql;desc=""(\d+)""")]
    private static partial Regex SqlCount();
}

using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.FollowUps;

namespace Rapport.IntegrationTests.Infrastructure;

/// <summary>The kinds of row an address or a form can name by id.</summary>
public enum Owned
{
    Contact,
    SecondContact,
    Organization,
    CareerField,
    OpenQuestion,
    Conversation,
    ConversationQuestion,
    Promise,
    FollowUpTask,
    OwnQuestion,
    OwnTemplate,
    TagCadence,
    PendingImport,
    /// <summary>Every question of the conversation, in order: a new order must name them all.</summary>
    EveryConversationQuestion,
    /// <summary>A contact in the trash (restore and delete-forever name it).</summary>
    TrashedContact,
    /// <summary>A conversation in the trash on its own.</summary>
    TrashedConversation,
}

/// <summary>One id of each <see cref="Owned"/> kind, as it is written in a request.</summary>
public sealed record OwnedIds(string OwnerId, IReadOnlyDictionary<Owned, string> Ids)
{
    public string this[Owned kind] => Ids[kind];

    /// <summary>Kinds that stand for a whole list (every question of a conversation) hold their ids
    /// comma-separated; the others hold one.</summary>
    public IReadOnlyList<string> All(Owned kind) => Ids[kind].Split(',');

    /// <summary>Ids no one has: the answer to them is what every other person's id must get.</summary>
    public static OwnedIds Missing { get; } = new("nobody", Enum.GetValues<Owned>().ToDictionary(k => k, k => k switch
    {
        Owned.PendingImport => "5e1f0000-0000-4000-8000-00000000dead",
        Owned.TagCadence => "no-such-tag",
        Owned.SecondContact => "987654322",
        Owned.EveryConversationQuestion => "987654321,987654322",
        _ => "987654321",
    }));
}

/// <summary>Gives an account one row (at least) in every owned table: the sample data a new account
/// can ask for, plus the kinds it lacks (a pending import, a calendar feed, own questions and
/// templates, a tag cadence, a search outcome...).</summary>
public static class EveryKindOfRow
{
    public static async Task<OwnedIds> AddEveryKindAsync(this RapportApp app, SignedInUser user)
    {
        // As the app loads it: work outside a request, followed by the rule pass.
        await app.Services.RunOutsideRequestAsync(user.Id, services => services.GetRequiredService<DemoData>().AddSampleContactsAsync());
        var suffix = user.Id[..8];
        return await app.WithDbAsync(user.Id, async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var contact = await db.Contacts.OrderBy(c => c.Id).FirstAsync();
            db.ContactPhones.Add(new ContactPhone { ContactId = contact.Id, Number = "+1 555 0100", Label = "work" });
            db.ContactPhotos.Add(new ContactPhoto { ContactId = contact.Id, ContentType = "image/png", Bytes = TestImages.Png });
            var pastPosition = PastPosition.At("Former Employer " + suffix, "Intern", now.AddYears(-1));
            pastPosition.ContactId = contact.Id;
            db.PastPositions.Add(pastPosition);
            db.ContactTags.Add(new ContactTag { ContactId = contact.Id, Name = "sweep " + suffix, NormalizedName = Folding.Fold("sweep " + suffix) });
            var field = await db.CareerFields.OrderBy(f => f.Id).FirstAsync();
            db.CareerFieldLinks.Add(new CareerFieldLink { CareerFieldId = field.Id, Url = "https://example.com/field", Label = "overview" });
            var organization = await db.Organizations.OrderBy(o => o.Id).FirstAsync();
            if (!await db.OrganizationFields.AnyAsync())
                db.OrganizationFields.Add(new OrganizationField { OrganizationId = organization.Id, CareerFieldId = field.Id });
            db.OwnQuestions.Add(new OwnQuestion { Text = "What surprised you most? " + suffix, Theme = QuestionTheme.PathAndBackground, Part = ConversationPart.Insights });
            db.HiddenQuestions.Add(new HiddenQuestion { Key = QuestionBank.BuiltIn[0].Key });
            db.OwnTemplates.Add(new OwnTemplate { Name = "Mine " + suffix, Body = "Hello {{contact.first_name}}" });
            db.TagCadences.Add(new TagCadence { TagNormalizedName = "cadence-" + suffix, Days = 60 });
            db.SearchOutcomes.Add(new SearchOutcome { Kind = OutcomeKind.TookRole, Text = "Took a role " + suffix, RecordedAtUtc = now });
            db.CalendarFeeds.Add(new CalendarFeed { TokenHash = CalendarFeedTokens.Hash(CalendarFeedTokens.NewToken()), CreatedAtUtc = now });
            db.FollowUpTasks.Add(new FollowUpTask { Kind = TaskKind.Own, Title = "Own task " + suffix, DueUtc = now.AddDays(2), AllDay = true });
            var import = new PendingImport
            {
                Kind = ImportKind.LinkedIn, FileName = "Connections.csv", CreatedAtUtc = now,
                Content = Encoding.UTF8.GetBytes("First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nSweep,Person,,,,,\r\n"),
            };
            db.PendingImports.Add(import);
            await db.SaveChangesAsync();

            async Task<string> First<T>(IQueryable<T> rows, System.Linq.Expressions.Expression<Func<T, int>> id) =>
                (await rows.OrderBy(id).Select(id).FirstAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var conversation = await db.Conversations.Where(c => c.Questions.Any() && c.Promises.Any()).OrderBy(c => c.Id).FirstAsync();
            // A meeting time, so its calendar file exists.
            if (conversation.MeetingStartUtc is null)
            {
                conversation.MeetingStartUtc = now.AddDays(-1);
                await db.SaveChangesAsync();
            }
            // One contact with no conversation, and one conversation of another contact, wait in the trash.
            var trashedContact = await db.Contacts.Where(c => c.Id != contact.Id && !db.Conversations.Any(v => v.ContactId == c.Id))
                .OrderByDescending(c => c.Id).FirstAsync();
            var trashedConversation = await db.Conversations.Where(c => c.Id != conversation.Id).OrderByDescending(c => c.Id).FirstAsync();
            var trash = new Rapport.Features.Trash.TrashCan(db, app.Clock);
            await trash.MoveContactsAsync([trashedContact]);
            await trash.MoveConversationAsync(trashedConversation);
            var ids = new Dictionary<Owned, string>
            {
                [Owned.TrashedContact] = trashedContact.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [Owned.TrashedConversation] = trashedConversation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [Owned.Contact] = await First(db.Contacts, c => c.Id),
                [Owned.SecondContact] = await First(db.Contacts.OrderBy(c => c.Id).Skip(1), c => c.Id),
                [Owned.Organization] = await First(db.Organizations, o => o.Id),
                [Owned.CareerField] = await First(db.CareerFields, f => f.Id),
                [Owned.OpenQuestion] = await First(db.OpenQuestions.Where(q => q.CareerFieldId == field.Id), q => q.Id),
                [Owned.Conversation] = conversation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [Owned.ConversationQuestion] = await First(db.ConversationQuestions.Where(q => q.ConversationId == conversation.Id), q => q.Id),
                [Owned.Promise] = await First(db.Promises.Where(p => p.ConversationId == conversation.Id), p => p.Id),
                [Owned.FollowUpTask] = await First(db.FollowUpTasks, t => t.Id),
                [Owned.OwnQuestion] = await First(db.OwnQuestions, q => q.Id),
                [Owned.OwnTemplate] = await First(db.OwnTemplates, t => t.Id),
                [Owned.TagCadence] = "cadence-" + suffix,
                [Owned.PendingImport] = import.Id.ToString(),
                [Owned.EveryConversationQuestion] = string.Join(',', await db.ConversationQuestions.Where(q => q.ConversationId == conversation.Id)
                    .OrderBy(q => q.Position).ThenBy(q => q.Id).Select(q => q.Id).ToListAsync()),
            };
            return new OwnedIds(user.Id, ids);
        });
    }
}

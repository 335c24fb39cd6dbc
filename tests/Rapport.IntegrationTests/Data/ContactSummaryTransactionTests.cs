using Microsoft.EntityFrameworkCore;
using Rapport.Domain;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Data;

/// <summary>The people table's sort keys are refreshed in the transaction of the save that changed them: a refresh that
/// fails takes the save back with it, so a conversation is never stored with its person's keys left behind.</summary>
public class ContactSummaryTransactionTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    // Stands for a refresh that cannot finish (a crash, a lost connection): the database refuses to store Cancelled
    // as a person's latest stage, and nothing else.
    private Task RefuseCancelledAsLatestStageAsync() => _app.WithDbAsync(null, db => db.Database.IsNpgsql()
        ? db.Database.ExecuteSqlRawAsync("""
            CREATE OR REPLACE FUNCTION refuse_cancelled() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'refresh refused'; END $$;
            CREATE OR REPLACE TRIGGER refuse_cancelled BEFORE UPDATE ON "Contacts" FOR EACH ROW
              WHEN (NEW."LatestStage" = 9) EXECUTE FUNCTION refuse_cancelled();
            """)
        : db.Database.ExecuteSqlRawAsync("""
            CREATE TRIGGER IF NOT EXISTS refuse_cancelled BEFORE UPDATE OF "LatestStage" ON "Contacts"
              WHEN NEW."LatestStage" = 9 BEGIN SELECT RAISE(ABORT, 'refresh refused'); END;
            """));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_save_whose_refresh_fails_is_not_kept(bool inCallersTransaction)
    {
        var user = await _app.SignUpAsync();
        var contact = await _app.AddContactAsync(user.Id, "Ada", null, "Acme");
        await RefuseCancelledAsLatestStageAsync();

        // One row, which EF alone would write without a transaction.
        var failed = await Record.ExceptionAsync(() => _app.WithDbAsync(user.Id, async db =>
        {
            await using var transaction = inCallersTransaction ? await db.Database.BeginTransactionAsync() : null;
            db.Conversations.Add(new Conversation { ContactId = contact, Stage = ConversationStage.Cancelled });
            var saved = await db.SaveChangesAsync();
            if (transaction is not null) await transaction.CommitAsync();
            return saved;
        }));
        Assert.NotNull(failed);
        Assert.Equal(0, await _app.WithDbAsync(user.Id, db => db.Conversations.CountAsync(c => c.ContactId == contact)));

        // Any other stage is refreshed with its save, in the same way.
        await _app.WithDbAsync(user.Id, async db =>
        {
            db.Conversations.Add(new Conversation { ContactId = contact, Stage = ConversationStage.Requested });
            return await db.SaveChangesAsync();
        });
        Assert.Equal(ConversationStage.Requested, await _app.WithDbAsync(user.Id, db => db.Contacts.Where(c => c.Id == contact).Select(c => c.LatestStage).SingleAsync()));
    }

    // Read while the save commits, a new person's id and their conversation's are the database's, not yet the objects'.
    [Fact]
    public async Task A_new_person_saved_with_their_conversation_has_its_stage_at_once()
    {
        var user = await _app.SignUpAsync();
        var id = await _app.WithDbAsync(user.Id, async db =>
        {
            var contact = new Contact { FirstName = "Grace" };
            db.Contacts.Add(contact);
            db.Conversations.Add(new Conversation { Contact = contact, Stage = ConversationStage.Scheduled });
            await db.SaveChangesAsync();
            return contact.Id;
        });
        Assert.Equal(ConversationStage.Scheduled, await _app.WithDbAsync(user.Id, db => db.Contacts.Where(c => c.Id == id).Select(c => c.LatestStage).SingleAsync()));
    }
}

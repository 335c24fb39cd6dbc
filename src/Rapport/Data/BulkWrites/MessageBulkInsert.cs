using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Rapport.Domain;

namespace Rapport.Data;

/// <summary>Writes an imported message history at once, inside the current transaction, through <see cref="BulkRows"/>:
/// messages the person sent and timeline entries for messages they received. The rows meet the same checks as a save
/// (<see cref="RowChecks"/>), get the current owner, and the rules hear of the messages as they do of a save
/// (<see cref="RuleFactInterceptor.NoteBulkInsert"/>).</summary>
public static class MessageBulkInsert
{
    public static async Task WriteAsync(RapportDb db, IReadOnlyList<OutreachAttempt> sent, IReadOnlyList<ContactEvent> received)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (sent.Count == 0 && received.Count == 0) return;
        foreach (var row in sent) RowChecks.Refuse(db.Model, row);
        foreach (var row in received) RowChecks.Refuse(db.Model, row);
        var owner = db.OwnerId ?? throw new InvalidOperationException("Rows are written for a signed-in person.");
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (sent.Count > 0)
        {
            RuleFactInterceptor.NoteBulkInsert(db, "OutreachAttempts");
            await using var rows = BulkRows.For(connection, transaction, "OutreachAttempts", fullTextTrigger: false,
                "OwnerId", "ContactId", "ConversationId", "Channel", "Purpose", "Subject", "Body", "SentAtUtc");
            foreach (var a in sent)
                await rows.AddAsync(owner, a.ContactId, a.ConversationId, (int)a.Channel, (int)a.Purpose, a.Subject, a.Body, a.SentAtUtc);
            await rows.FlushAsync();
        }
        if (received.Count > 0)
        {
            RuleFactInterceptor.NoteBulkInsert(db, "ContactEvents");
            await using var rows = BulkRows.For(connection, transaction, "ContactEvents", fullTextTrigger: false,
                "OwnerId", "ContactId", "OccurredAtUtc", "Kind", "Text");
            foreach (var e in received) await rows.AddAsync(owner, e.ContactId, e.OccurredAtUtc, (int)e.Kind, e.Text);
            await rows.FlushAsync();
        }
    }
}

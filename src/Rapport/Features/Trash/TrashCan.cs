using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;

namespace Rapport.Features.Trash;

/// <summary>Moves the signed-in person's contacts and conversations to the trash, brings them back, and removes
/// them for good. A contact takes its conversations with it (stamped with the same time), and restoring the
/// contact brings back exactly those; a conversation deleted on its own earlier stays in the trash. Removing for
/// good lets the database cascade, as deleting did before the trash existed.</summary>
public sealed class TrashCan(RapportDb db, TimeProvider clock)
{
    public async Task MoveContactsAsync(IReadOnlyCollection<Contact> contacts)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = contacts.Select(c => c.Id).ToList();
        var conversations = await db.Conversations.Where(c => ids.Contains(c.ContactId)).ToListAsync();
        foreach (var contact in contacts) contact.DeletedAtUtc = now;
        foreach (var conversation in conversations) conversation.DeletedAtUtc = now;
        await db.SaveChangesAsync();
    }

    public async Task MoveConversationAsync(Conversation conversation)
    {
        conversation.DeletedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
    }

    /// <returns>The contact's name, or null when no such contact is in the trash.</returns>
    public async Task<string?> RestoreContactAsync(int id)
    {
        var contact = await db.ContactsWithTrash.FirstOrDefaultAsync(c => c.Id == id && c.DeletedAtUtc != null);
        if (contact is null) return null;
        await BringBackAsync(contact);
        await db.SaveChangesAsync();
        return contact.FullName;
    }

    /// <summary>A conversation cannot be shown without its person, so a contact in the trash comes back with it.</summary>
    /// <returns>The contact's name, or null when no such conversation is in the trash.</returns>
    public async Task<string?> RestoreConversationAsync(int id)
    {
        var conversation = await db.ConversationsWithTrash.FirstOrDefaultAsync(c => c.Id == id && c.DeletedAtUtc != null);
        if (conversation is null) return null;
        var contact = await db.ContactsWithTrash.FirstAsync(c => c.Id == conversation.ContactId);
        if (contact.DeletedAtUtc is not null) await BringBackAsync(contact);
        conversation.DeletedAtUtc = null;
        await db.SaveChangesAsync();
        return contact.FullName;
    }

    public async Task<bool> PurgeContactAsync(int id)
    {
        var contact = await db.ContactsWithTrash.FirstOrDefaultAsync(c => c.Id == id && c.DeletedAtUtc != null);
        if (contact is null) return false;
        db.Contacts.Remove(contact);
        await db.SaveChangesAsync();
        return true;
    }

    public async Task<bool> PurgeConversationAsync(int id)
    {
        var conversation = await db.ConversationsWithTrash.FirstOrDefaultAsync(c => c.Id == id && c.DeletedAtUtc != null);
        if (conversation is null) return false;
        db.Conversations.Remove(conversation);
        await db.SaveChangesAsync();
        return true;
    }

    /// <returns>How many contacts and conversations were removed.</returns>
    public async Task<int> EmptyAsync()
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var removed = await db.ConversationsWithTrash.Where(c => c.DeletedAtUtc != null).ExecuteDeleteAsync()
            + await db.ContactsWithTrash.Where(c => c.DeletedAtUtc != null).ExecuteDeleteAsync();
        await transaction.CommitAsync();
        return removed;
    }

    private async Task BringBackAsync(Contact contact)
    {
        var stamp = contact.DeletedAtUtc;
        var together = await db.ConversationsWithTrash.Where(c => c.ContactId == contact.Id && c.DeletedAtUtc == stamp).ToListAsync();
        foreach (var conversation in together) conversation.DeletedAtUtc = null;
        contact.DeletedAtUtc = null;
    }
}

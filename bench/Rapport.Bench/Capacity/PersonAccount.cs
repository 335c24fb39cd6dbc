namespace Rapport.Bench.Capacity;

/// <summary>A person's own account: a copy of a template account, its ids shifted by the copy.</summary>
public sealed record PersonAccount(string OwnerId, AccountTemplate Template, long ContactShift, long ConversationShift)
{
    public int ContactCount => Template.ContactIds.Count;

    public int AnyContact(Random random) => (int)(Template.ContactIds[random.Next(Template.ContactIds.Count)] + ContactShift);

    public int? AnyConversation(Random random) => Template.ConversationIds.Count == 0 ? null
        : (int)(Template.ConversationIds[random.Next(Template.ConversationIds.Count)] + ConversationShift);

    public string AnySearch(Random random) => Template.Searches[random.Next(Template.Searches.Count)];
}

namespace Rapport.Domain;

/// <summary>The one set of checks of each kind of object, found by the object: what the save interceptor
/// runs on every added or changed row, so a restore, an import or any later writer meets the same
/// rules as the forms (docs/decisions/016-one-set-of-checks.md). Text lengths and list choices hold for
/// every table and are checked from the model's limits beside these.</summary>
public static class ValueChecks
{
    public static IEnumerable<ValueProblem> Of(object entity) => entity switch
    {
        Contact contact => ContactChecks.Of(contact),
        Organization organization => OrganizationChecks.Of(organization),
        CareerFieldLink link => CareerFieldLinkChecks.Of(link),
        Conversation conversation => ConversationChecks.Of(conversation),
        FollowUpTask task => FollowUpTaskChecks.Of(task),
        _ => [],
    };
}

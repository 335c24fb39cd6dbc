namespace Rapport.Domain;

/// <summary>The only fields a template can use. An allowlist, so a template can never reach into
/// data it was not meant to show (another contact, an account, a password).</summary>
public static class TemplateFields
{
    public static IReadOnlyList<TemplateField> All { get; } =
    [
        new("me.first_name", "Your first name", "Sam"),
        new("me.full_name", "Your full name", "Sam Rivera"),
        new("me.introduction", "Your short introduction of yourself",
            "I'm finishing a degree in environmental science and exploring city planning."),
        new("me.availability", "When you are free to meet, typed when you write the message",
            "Tuesday or Thursday afternoons"),
        new("contact.first_name", "The contact's first name", "Priya"),
        new("contact.last_name", "The contact's last name", "Raman"),
        new("contact.full_name", "The contact's full name", "Priya Raman"),
        new("contact.title", "The contact's job title", "Senior Planner"),
        new("contact.organization", "Where the contact works", "City of Davis"),
        new("contact.school", "The school you and the contact both went to", "Sacramento State"),
        new("referrer.first_name", "First name of the person who gave you this contact", "Jordan"),
        new("referrer.full_name", "Full name of the person who gave you this contact", "Jordan Lee"),
        new("referrer.may_use_name", "Whether you may mention who gave you the name: yes, no or not asked", "yes"),
        new("organization.name", "The organization you are asking about", "Green Valley Water"),
        new("field.name", "The career field you are exploring", "urban planning"),
        new("meeting.length", "How long a conversation you ask for", "30 minutes"),
        new("meeting.time", "When you meet, shown in your time zone", "Tuesday 14 May at 10:00"),
        new("meeting.place", "Where you meet: an address, a café, a phone number or a video link",
            "Temple Coffee on K Street"),
        new("conversation.learned", "What you learned in the conversation",
            "most planners start in a county office before moving to a city"),
        new("promise.text", "What you promised to send", "the article on housing near transit I mentioned"),
        new("outcome.text", "How your job search turned out", "I accepted a junior planner role with the City of Sacramento"),
    ];

    private static readonly HashSet<string> Names = All.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>Exact and case-sensitive: "Contact.First_Name" is not a field.</summary>
    public static bool IsKnown(string name) => name is not null && Names.Contains(name);
}

namespace Rapport.Domain;

/// <summary>The starting set of messages, one for each step the guides describe. Requests say first how
/// the person found the contact, ask for advice rather than a job, and end on a question. Free-text
/// values (what was learned, promised or decided) sit after a colon at a line's end, so they read
/// well whether or not the person ends them with a full stop.</summary>
public static class BuiltInTemplates
{
    /// <summary>LinkedIn's limit for an invitation note on a free account; premium allows 300.</summary>
    public const int LinkedInNoteLimit = 200;

    private const string SignOff = "\n\nThank you,\n{{me.full_name}}";

    private const string AskForTime =
        "I'm free {{me.availability}}, or whenever suits you. "
        + "Would you have {{meeting.length}} for a call or coffee in the next few weeks?";

    public static IReadOnlyList<BuiltInTemplate> All { get; } =
    [
        new("request-referral-email", "Request by email, through a referral", Channel.Email, TemplatePurpose.Request,
            "{{referrer.full_name}} suggested I get in touch",
            "Dear {{contact.first_name}},\n\n"
            + "{{referrer.full_name}} suggested I write to you about your work in {{field.name}}. {{me.introduction}}\n\n"
            + "I'd value your view of the field and how you found your way in; I'm asking for advice, not a job.\n\n"
            + AskForTime + SignOff),

        new("request-alumni-email", "Request by email to a fellow alum", Channel.Email, TemplatePurpose.Request,
            "Your path from {{contact.school}} into {{field.name}}",
            "Dear {{contact.first_name}},\n\n"
            + "I found you through the {{contact.school}} alumni network; your path into {{field.name}} "
            + "at {{contact.organization}} stood out. {{me.introduction}}\n\n"
            + "I'd love your advice on how someone from our school finds a way into this field; I'm not asking for a job.\n\n"
            + AskForTime + SignOff),

        new("request-cold-email", "Request by email, without a connection", Channel.Email, TemplatePurpose.Request,
            "A question about your work in {{field.name}}",
            "Dear {{contact.first_name}},\n\n"
            + "I came across your profile on LinkedIn while reading about {{field.name}}; your work at {{contact.organization}} stood out. "
            + "{{me.introduction}}\n\n"
            + "I'd value your advice on getting started in the field; I'm not asking for a job.\n\n"
            + AskForTime + SignOff),

        new("linkedin-invitation-note", "LinkedIn invitation note", Channel.LinkedIn, TemplatePurpose.Request, null,
            "Hi {{contact.first_name}}, I found your profile while exploring {{field.name}} and would value your advice, "
            + "not a job. Could we talk for {{meeting.length}} in the next few weeks? {{me.first_name}}"),

        new("phone-call-script", "Phone call script", Channel.Phone, TemplatePurpose.Request, null,
            "Hello, is this {{contact.first_name}}? This is {{me.full_name}}. {{referrer.full_name}} gave me your name "
            + "and said you might be willing to share some advice about {{field.name}}. "
            + "Is now a good moment to talk for a minute?\n\n"
            + "(If now is good) {{me.introduction}} I'm not calling about a job; I'm hoping to learn from your "
            + "experience of the field. I'm free {{me.availability}}, or whenever suits you. Could we set aside "
            + "{{meeting.length}}, by phone or in person, in the next two or three weeks?\n\n"
            + "(If not) When would be a better time for me to call you back?"),

        new("voicemail-script", "Voicemail script", Channel.Voicemail, TemplatePurpose.Request, null,
            "Hello {{contact.first_name}}, this is {{me.full_name}}. {{referrer.full_name}} gave me your name and "
            + "thought you would be a good person to ask about {{field.name}}. I'm not looking for a job; I would "
            + "simply value your advice. Would you have {{meeting.length}} for a short conversation in the next few weeks? "
            + "You can reach me at (your phone number, said slowly, twice). I'll also send you a short email. "
            + "Thank you, and have a good day."),

        new("introduction-request", "Asking a mutual contact for an introduction", Channel.Introduction,
            TemplatePurpose.IntroductionRequest,
            "Would you introduce me to {{contact.full_name}}?",
            "Hi {{referrer.first_name}},\n\n"
            + "I hope you're well. I'm exploring {{field.name}}, and I believe you know {{contact.full_name}} at "
            + "{{contact.organization}}. I'd value a short conversation with them, for advice only, not a job. "
            + "If it helps, here is a line about me you could pass on: {{me.introduction}}\n\n"
            + "Would you be willing to introduce us by email, copying me or letting me know once you've written, "
            + "so I can follow up?\n\n"
            + "Thank you,\n{{me.first_name}}"),

        new("follow-up-no-reply", "Follow-up when there is no reply", Channel.Email, TemplatePurpose.FollowUp,
            "Following up: your advice on {{field.name}}",
            "Dear {{contact.first_name}},\n\n"
            + "I wrote a little while ago to ask for your advice on {{field.name}}, and I know how full inboxes get. "
            + "I would still be glad to hear about your experience, and I'm free {{me.availability}}.\n\n"
            + "If the timing is wrong, I completely understand. If not, would {{meeting.length}} by phone or video "
            + "in the next few weeks work for you?" + SignOff),

        new("thank-you-email", "Thank-you email", Channel.Email, TemplatePurpose.ThankYou,
            "Thank you, {{contact.first_name}}",
            "Dear {{contact.first_name}},\n\n"
            + "Thank you for taking the time to talk with me about {{field.name}}. Your advice was generous and "
            + "practical, and one thing you said has stayed with me:\n{{conversation.learned}}\n\n"
            + "I'll follow up on your suggestions and let you know how things turn out."
            + "\n\nWith thanks,\n{{me.full_name}}"),

        new("thank-you-card", "Thank-you card (handwritten)", Channel.Card, TemplatePurpose.ThankYou, null,
            "Dear {{contact.first_name}},\n\n"
            + "Thank you for our conversation about {{field.name}} and for the time you gave me. Your advice gave me "
            + "a clearer picture of the field and of my next steps, and I'm grateful.\n\n"
            + "Warm regards,\n{{me.first_name}}"),

        new("promise-cover-note", "Sending what you promised", Channel.Email, TemplatePurpose.CoverNote,
            "As promised: {{promise.text}}",
            "Dear {{contact.first_name}},\n\n"
            + "Thank you again for talking with me about {{field.name}}. Here is what I said I would send:\n"
            + "{{promise.text}}\n\n"
            + "I hope you find it useful."
            + "\n\nBest wishes,\n{{me.full_name}}"),

        new("keep-in-touch", "Keeping in touch", Channel.Email, TemplatePurpose.KeepInTouch,
            "An update since we talked",
            "Dear {{contact.first_name}},\n\n"
            + "It has been a while since we talked about {{field.name}}, and I wanted you to know your advice "
            + "has been put to use. What I took from our conversation and have been acting on:\n"
            + "{{conversation.learned}}\n\n"
            + "If I come across anything useful to you, I'll send it your way. How are things at {{contact.organization}}?"
            + "\n\nBest wishes,\n{{me.full_name}}"),

        new("close-the-loop", "Closing the loop on your search", Channel.Email, TemplatePurpose.CloseTheLoop,
            "How my search turned out",
            "Dear {{contact.first_name}},\n\n"
            + "You helped me when I was exploring {{field.name}}, so I wanted you to hear how my search turned out:\n"
            + "{{outcome.text}}\n\n"
            + "Your advice was part of getting here, and I'm grateful for it. I'd be glad to stay in touch, "
            + "and if I can ever return the favor, please ask."
            + "\n\nWith thanks,\n{{me.full_name}}"),
    ];

    public static BuiltInTemplate? Find(string key) =>
        All.FirstOrDefault(t => string.Equals(t.Key, key, StringComparison.Ordinal));
}

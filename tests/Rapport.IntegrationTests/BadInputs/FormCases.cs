using System.Text.Json.Nodes;
using Rapport.Domain;

namespace Rapport.IntegrationTests.BadInputs;

/// <summary>One bad value of one form field, and where the same value lands in an account export: the
/// table and column a restore would write it to.</summary>
/// <param name="Page">The form's page; "{Conversation}" stands for a conversation of the account.</param>
/// <param name="Form">The form on the page (a CSS selector).</param>
/// <param name="Base">Valid values for the form's other fields, so the bad one is the only problem.</param>
/// <param name="Restored">The value as the export holds it (a number or date where the column is one).</param>
public sealed record FormCase(string Page, string Form, string Field, string Value, string Table, string Column, JsonNode? Restored,
    IReadOnlyDictionary<string, string> Base)
{
    public override string ToString() => $"{Page} {Field} -> {Table}.{Column}";
}

/// <summary>The bad-input cases of every form that writes an object: each field with a length limit, a
/// web address, a range, a date, a choice from a list or a reference to another row.</summary>
public static class FormCases
{
    private static string Over(int max) => new('x', max + 1);

    private static readonly Dictionary<string, string> NewContact = new() { ["Input.FirstName"] = "Case", ["SaveAnyway"] = "true" };
    private static readonly Dictionary<string, string> NewOrganization = new() { ["Input.Name"] = "Case organization", ["Input.Status"] = "Target" };
    private static readonly Dictionary<string, string> NewField = new() { ["Input.Name"] = "Case field", ["Input.Status"] = "Exploring" };
    private static readonly Dictionary<string, string> Meeting = new()
    {
        ["Input.Date"] = "2026-12-03", ["Input.Time"] = "10:00", ["Input.TimeZoneId"] = "Europe/Berlin", ["Input.DurationMinutes"] = "30", ["Input.Mode"] = "Video",
    };
    private static readonly Dictionary<string, string> None = [];
    private static readonly Dictionary<string, string> NewTask = new() { ["NewTitle"] = "Case task" };
    private static readonly Dictionary<string, string> NewQuestion = new() { ["Input.Text"] = "Case question?", ["Input.Theme"] = "DayToDay", ["Input.Part"] = "Insights" };
    private static readonly Dictionary<string, string> NewTemplate = new() { ["Input.Name"] = "Case template", ["Input.Body"] = "Hello", ["Input.Channel"] = "Email", ["Input.Purpose"] = "Request" };
    private static readonly Dictionary<string, string> NewOutcome = new() { ["Kind"] = "TookRole", ["Text"] = "Case outcome" };

    private const string Script = "javascript:alert(1)";

    public static IReadOnlyList<FormCase> All { get; } =
    [
        // A contact, its emails, phones, tags and fields.
        new("/people/new", "main form", "Input.FirstName", Over(Contact.NameMaxLength), "Contacts", "FirstName", Over(Contact.NameMaxLength), NewContact),
        new("/people/new", "main form", "Input.LastName", Over(Contact.NameMaxLength), "Contacts", "LastName", Over(Contact.NameMaxLength), NewContact),
        new("/people/new", "main form", "Input.Title", Over(Contact.TitleMaxLength), "Contacts", "Title", Over(Contact.TitleMaxLength), NewContact),
        new("/people/new", "main form", "Input.City", Over(Contact.CityMaxLength), "Contacts", "City", Over(Contact.CityMaxLength), NewContact),
        new("/people/new", "main form", "Input.AlumniOf", Over(Contact.SchoolMaxLength), "Contacts", "AlumniOf", Over(Contact.SchoolMaxLength), NewContact),
        new("/people/new", "main form", "Input.Notes", Over(Contact.NotesMaxLength), "Contacts", "Notes", Over(Contact.NotesMaxLength), NewContact),
        new("/people/new", "main form", "Input.LinkedInUrl", Script, "Contacts", "LinkedInUrl", Script, NewContact),
        new("/people/new", "main form", "Input.LinkedInUrl", "data:text/html,<script>alert(1)</script>", "Contacts", "LinkedInUrl", "data:text/html,<script>alert(1)</script>", NewContact),
        new("/people/new", "main form", "Input.LinkedInUrl", "https://www.linkedin.com/in/" + Over(Contact.UrlMaxLength), "Contacts", "LinkedInUrl", "https://www.linkedin.com/in/" + Over(Contact.UrlMaxLength), NewContact),
        new("/people/new", "main form", "Input.LastContactedOn", "9999-12-31", "Contacts", "LastContactedOn", "9999-12-31", NewContact),
        new("/people/new", "main form", "Input.LastContactedOn", "0001-01-01", "Contacts", "LastContactedOn", "0001-01-01", NewContact),
        new("/people/new", "main form", "Input.Source", "999", "Contacts", "Source", 999, NewContact),
        new("/people/new", "main form", "Input.Emails[0].Value", Over(ContactEmail.AddressMaxLength - 12) + "@example.org", "ContactEmails", "Address", Over(ContactEmail.AddressMaxLength - 12) + "@example.org", NewContact),
        new("/people/new", "main form", "Input.Emails[0].Label", Over(ContactEmail.LabelMaxLength), "ContactEmails", "Label", Over(ContactEmail.LabelMaxLength), new Dictionary<string, string>(NewContact) { ["Input.Emails[0].Value"] = "case@example.org" }),
        new("/people/new", "main form", "Input.Phones[0].Value", Over(ContactPhone.NumberMaxLength), "ContactPhones", "Number", Over(ContactPhone.NumberMaxLength), NewContact),
        new("/people/new", "main form", "Input.Phones[0].Label", Over(ContactEmail.LabelMaxLength), "ContactPhones", "Label", Over(ContactEmail.LabelMaxLength), new Dictionary<string, string>(NewContact) { ["Input.Phones[0].Value"] = "+1 555 0100" }),
        new("/people/new", "main form", "Input.Tags", Over(ContactTag.NameMaxLength), "ContactTags", "Name", Over(ContactTag.NameMaxLength), NewContact),
        new("/people/new", "main form", "Input.FieldIds", "999999", "ContactFields", "CareerFieldId", 999999, NewContact),
        new("/people/new", "main form", "Input.OrganizationName", Over(Organization.NameMaxLength), "Organizations", "Name", Over(Organization.NameMaxLength), NewContact),

        // An organization.
        new("/organizations/new", "main form", "Input.Name", Over(Organization.NameMaxLength), "Organizations", "Name", Over(Organization.NameMaxLength), NewOrganization),
        new("/organizations/new", "main form", "Input.Website", Script, "Organizations", "Website", Script, NewOrganization),
        new("/organizations/new", "main form", "Input.Website", "vbscript:msgbox(1)", "Organizations", "Website", "vbscript:msgbox(1)", NewOrganization),
        new("/organizations/new", "main form", "Input.Website", "https://example.com/" + Over(Organization.WebsiteMaxLength), "Organizations", "Website", "https://example.com/" + Over(Organization.WebsiteMaxLength), NewOrganization),
        new("/organizations/new", "main form", "Input.City", Over(Organization.CityMaxLength), "Organizations", "City", Over(Organization.CityMaxLength), NewOrganization),
        new("/organizations/new", "main form", "Input.Notes", Over(Organization.NotesMaxLength), "Organizations", "Notes", Over(Organization.NotesMaxLength), NewOrganization),
        new("/organizations/new", "main form", "Input.Motivation", "4", "Organizations", "Motivation", 4, NewOrganization),
        new("/organizations/new", "main form", "Input.Motivation", "-1", "Organizations", "Motivation", -1, NewOrganization),
        new("/organizations/new", "main form", "Input.Postings", "0", "Organizations", "Postings", 0, NewOrganization),
        new("/organizations/new", "main form", "Input.Postings", "9", "Organizations", "Postings", 9, NewOrganization),
        new("/organizations/new", "main form", "Input.Status", "999", "Organizations", "Status", 999, NewOrganization),
        new("/organizations/new", "main form", "Input.FieldIds", "999999", "OrganizationFields", "CareerFieldId", 999999, NewOrganization),

        // A career field and its links.
        new("/fields/new", "main form", "Input.Name", Over(CareerField.NameMaxLength), "CareerFields", "Name", Over(CareerField.NameMaxLength), NewField),
        new("/fields/new", "main form", "Input.Description", Over(CareerField.DescriptionMaxLength), "CareerFields", "Description", Over(CareerField.DescriptionMaxLength), NewField),
        new("/fields/new", "main form", "Input.Notes", Over(CareerField.NotesMaxLength), "CareerFields", "Notes", Over(CareerField.NotesMaxLength), NewField),
        new("/fields/new", "main form", "Input.Status", "999", "CareerFields", "Status", 999, NewField),
        new("/fields/new", "main form", "Input.Links[0].Value", Script, "CareerFieldLinks", "Url", Script, NewField),
        new("/fields/new", "main form", "Input.Links[0].Value", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "CareerFieldLinks", "Url", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", NewField),
        new("/fields/new", "main form", "Input.Links[0].Value", "not a link", "CareerFieldLinks", "Url", "not a link", NewField),
        new("/fields/new", "main form", "Input.Links[0].Value", "https://example.org/" + Over(CareerFieldLink.UrlMaxLength), "CareerFieldLinks", "Url", "https://example.org/" + Over(CareerFieldLink.UrlMaxLength), NewField),
        new("/fields/new", "main form", "Input.Links[0].Label", Over(CareerFieldLink.LabelMaxLength), "CareerFieldLinks", "Label", Over(CareerFieldLink.LabelMaxLength), new Dictionary<string, string>(NewField) { ["Input.Links[0].Value"] = "https://example.org/" }),

        // A conversation's meeting.
        new("/conversations/{Conversation}/schedule", "main form", "Input.DurationMinutes", "-5", "Conversations", "DurationMinutes", -5, Meeting),
        new("/conversations/{Conversation}/schedule", "main form", "Input.DurationMinutes", "0", "Conversations", "DurationMinutes", 0, Meeting),
        new("/conversations/{Conversation}/schedule", "main form", "Input.DurationMinutes", "100000", "Conversations", "DurationMinutes", 100000, Meeting),
        new("/conversations/{Conversation}/schedule", "main form", "Input.Date", "9999-12-31", "Conversations", "MeetingStartUtc", "9999-12-31T09:00:00Z", Meeting),
        new("/conversations/{Conversation}/schedule", "main form", "Input.Date", "0001-01-01", "Conversations", "MeetingStartUtc", "0001-01-01T09:00:00Z", Meeting),
        new("/conversations/{Conversation}/schedule", "main form", "Input.VideoLink", Script, "Conversations", "VideoLink", Script, Meeting),
        new("/conversations/{Conversation}/schedule", "main form", "Input.VideoLink", "vbscript:msgbox(1)", "Conversations", "VideoLink", "vbscript:msgbox(1)", Meeting),
        new("/conversations/{Conversation}/schedule", "main form", "Input.VideoLink", "mailto:ada@example.com", "Conversations", "VideoLink", "mailto:ada@example.com", Meeting),
        new("/conversations/{Conversation}/schedule", "main form", "Input.VideoLink", "https://meet.example/" + Over(Conversation.LinkMaxLength), "Conversations", "VideoLink", "https://meet.example/" + Over(Conversation.LinkMaxLength), Meeting),
        new("/conversations/{Conversation}/schedule", "main form", "Input.Place", Over(Conversation.PlaceMaxLength), "Conversations", "Place", Over(Conversation.PlaceMaxLength), Meeting),
        new("/conversations/{Conversation}/schedule", "main form", "Input.TimeZoneId", "Mars/Olympus_Mons", "Conversations", "TimeZoneId", "Mars/Olympus_Mons", Meeting),
        new("/conversations/{Conversation}/schedule", "main form", "Input.Mode", "999", "Conversations", "Mode", 999, Meeting),

        // What the person takes from a conversation.
        new("/conversations/{Conversation}/reflect", "main form", "Input.FitRating", "6", "Conversations", "FitRating", 6, None),
        new("/conversations/{Conversation}/reflect", "main form", "Input.FitRating", "0", "Conversations", "FitRating", 0, None),
        new("/conversations/{Conversation}/reflect", "main form", "Input.Learned", Over(Conversation.ReflectionMaxLength), "Conversations", "Learned", Over(Conversation.ReflectionMaxLength), None),
        new("/conversations/{Conversation}/reflect", "main form", "Input.StillWantToKnow", Over(Conversation.ReflectionMaxLength), "Conversations", "StillWantToKnow", Over(Conversation.ReflectionMaxLength), None),
        new("/conversations/{Conversation}/reflect", "main form", "Input.NextSteps", Over(Conversation.ReflectionMaxLength), "Conversations", "NextSteps", Over(Conversation.ReflectionMaxLength), None),
        new("/conversations/{Conversation}/reflect", "main form", "Input.FitNote", Over(Conversation.ReflectionMaxLength), "Conversations", "FitNote", Over(Conversation.ReflectionMaxLength), None),

        // A task of one's own.
        new("/follow-ups", "form[action*='handler=Add']", "NewTitle", Over(FollowUpTask.TitleMaxLength), "FollowUpTasks", "Title", Over(FollowUpTask.TitleMaxLength), NewTask),
        new("/follow-ups", "form[action*='handler=Add']", "NewDue", "9999-12-31", "FollowUpTasks", "DueUtc", "9999-12-31T08:00:00Z", NewTask),
        new("/follow-ups", "form[action*='handler=Add']", "NewDue", "0001-01-01", "FollowUpTasks", "DueUtc", "0001-01-01T08:00:00Z", NewTask),

        // A question of one's own.
        new("/questions", "form[action*='handler=Add']", "Input.Text", Over(ConversationQuestion.TextMaxLength), "OwnQuestions", "Text", Over(ConversationQuestion.TextMaxLength), NewQuestion),
        new("/questions", "form[action*='handler=Add']", "Input.Theme", "999", "OwnQuestions", "Theme", 999, NewQuestion),
        new("/questions", "form[action*='handler=Add']", "Input.Part", "999", "OwnQuestions", "Part", 999, NewQuestion),

        // A template of one's own.
        new("/templates", "form[action*='handler=Save']", "Input.Name", Over(OwnTemplate.NameMaxLength), "OwnTemplates", "Name", Over(OwnTemplate.NameMaxLength), NewTemplate),
        new("/templates", "form[action*='handler=Save']", "Input.Subject", Over(OwnTemplate.SubjectMaxLength), "OwnTemplates", "Subject", Over(OwnTemplate.SubjectMaxLength), NewTemplate),
        new("/templates", "form[action*='handler=Save']", "Input.Body", Over(MessageTemplate.MaxLength), "OwnTemplates", "Body", Over(MessageTemplate.MaxLength), NewTemplate),
        new("/templates", "form[action*='handler=Save']", "Input.Channel", "999", "OwnTemplates", "Channel", 999, NewTemplate),
        new("/templates", "form[action*='handler=Save']", "Input.Purpose", "999", "OwnTemplates", "Purpose", 999, NewTemplate),

        // How the search turned out.
        new("/outcome", "main form", "Text", Over(SearchOutcome.TextMaxLength), "SearchOutcomes", "Text", Over(SearchOutcome.TextMaxLength), NewOutcome),
        new("/outcome", "main form", "Kind", "999", "SearchOutcomes", "Kind", 999, NewOutcome),
    ];
}

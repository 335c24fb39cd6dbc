using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Web;

/// <summary>Where a request carries an id.</summary>
public enum Place
{
    /// <summary>In the path: <c>{Contact}</c> in <see cref="Access.Path"/>.</summary>
    Route,
    Query,
    /// <summary>In the form on POST, in the query string on GET.</summary>
    Form,
    /// <summary>In the name of a form field: <c>notes[{0}]</c>.</summary>
    FormKey,
}

/// <summary>What another person's id must get. <see cref="NotFound"/> unless the id is only a choice
/// within a form of one's own (a career field ticked on one's own contact): such a choice answers
/// exactly as a choice that does not exist does (the form's own error), and changes nothing of theirs.</summary>
public enum Answer
{
    NotFound,
    SameAsMissing,
}

/// <summary>One id a request carries: its name, where it goes, the kind of row it names.</summary>
public sealed record Slot(string Name, Owned Kind, Place Place, string Format = "{0}", bool List = false, Answer Answer = Answer.NotFound);

/// <summary>A file a request uploads, as a browser sends it (multipart).</summary>
public sealed record Upload(string Field, string FileName, SampleFile File);

/// <summary>Files a valid upload carries (see <see cref="SampleFiles"/>).</summary>
public enum SampleFile
{
    /// <summary>LinkedIn's Connections.csv with one new person.</summary>
    ConnectionsCsv,
    /// <summary>A vCard file with one person and a tag.</summary>
    VCard,
    /// <summary>A Rapport export of a lived-in account.</summary>
    RapportExport,
}

/// <summary>Whose account sends a write of the catalogue, when it is not one with every kind of row.</summary>
public enum Sender
{
    /// <summary>A new account with every kind of row (EveryKindOfRow).</summary>
    Seeded,
    /// <summary>A new account with nothing in it (a restore takes only an empty account).</summary>
    EmptyAccount,
    /// <summary>The install's owner (the backup button is theirs alone).</summary>
    InstallOwner,
}

/// <summary>How to call one endpoint of the app with ids, or why it takes none. <see cref="Fields"/> and
/// <see cref="Uploads"/> make a valid request: every write of the catalogue is sent as it would be from the
/// page, so the sweep's sanity check and the rule-pass invariant exercise it. A field value <c>{Email}</c>,
/// <c>{Password}</c> or <c>{NewEmail}</c> stands for the sender's own (or a new address).</summary>
public sealed record Access(string Verb, string Route, string? Handler, string Path, IReadOnlyList<Slot> Slots,
    IReadOnlyList<KeyValuePair<string, string>> Fields, string? NoIdBecause = null, IReadOnlyList<string>? NotIds = null)
{
    public string Key => AppEndpoint.Describe(Verb, Route, Handler);

    public IReadOnlyList<Upload> Uploads { get; init; } = [];

    /// <summary>The page (kinds in braces) whose edit form says which version the save was opened at
    /// (<c>Opened.Version</c>, <c>Opened.Fields</c>), read just before sending, as a browser has it.</summary>
    public string? OpenedFrom { get; init; }

    public string OpenedForm { get; init; } = "main form";

    public Sender Sender { get; init; } = Sender.Seeded;

    /// <summary>Why the request does nothing on PostgreSQL (answers 404 there), when it does not.</summary>
    public string? SqliteOnlyBecause { get; init; }

    /// <summary>The path to send a request without ids to, where its route takes values (<c>/error/404</c>).</summary>
    public Access At(string path) => this with { Path = path };

    public Access WithFile(string field, string fileName, SampleFile file) => this with { Uploads = [.. Uploads, new Upload(field, fileName, file)] };

    public Access Opened(string page, string form = "main form") => this with { OpenedFrom = page, OpenedForm = form };

    public Access From(Sender sender) => this with { Sender = sender };

    public Access SqliteOnly(string because) => this with { SqliteOnlyBecause = because };

    /// <summary>Every slot, those written in the path (<c>{Contact}</c>) included.</summary>
    public IReadOnlyList<Slot> AllSlots => Enum.GetValues<Owned>().Where(k => Path.Contains("{" + k + "}", StringComparison.Ordinal))
        .Select(k => new Slot(k.ToString(), k, Place.Route)).Concat(Slots).ToList();

    public Access With(params string[] nameValuePairs) => this with
    {
        Fields = Fields.Concat(nameValuePairs.Chunk(2).Select(p => new KeyValuePair<string, string>(p[0], p[1]))).ToList(),
    };

    /// <summary>Inputs whose names end in Id that hold something else (a time zone).</summary>
    public Access NotAnId(params string[] inputs) => this with { NotIds = [.. NotIds ?? [], .. inputs] };

    public override string ToString() => $"{Key} as {Path}{(Slots.Count > 0 ? " with " + string.Join(", ", Slots.Select(s => $"{s.Name}={s.Kind}")) : "")}";
}

/// <summary>Every endpoint of the app, and how the access sweep calls it with someone else's ids.
/// A new page, handler or endpoint must be added here (the sweep fails until it is): say which of
/// its values hold ids, or why it takes none.
/// <list type="bullet">
/// <item><c>Get("/things/{Thing}")</c>, <c>GetHandler("/things/{Thing}", "Handler")</c> or <c>Post("/things/{Thing}", "Handler")</c>: route ids are written
/// with the kind of row in braces; the route key is the page's own template (<c>/things/{id:int}</c>).</item>
/// <item><c>Query("thingId", Owned.Thing)</c>, <c>Form(...)</c>, <c>List(...)</c>: ids in the query string or the form.</item>
/// <item><c>.With("Input.Title", "x")</c>: other fields a valid request needs, so the id is what gets judged.</item>
/// <item><c>NoId("GET", "/things", null, "lists one's own things")</c>: takes no id, and why.</item>
/// </list></summary>
public static class AccessCatalogue
{
    private const string NewPassword = "a new and even longer pass phrase";

    // Before All, which reads it as it is made.
    private static readonly string[] NewAccount =
        ["Input.DisplayName", "Planted", "Input.Email", "{NewEmail}", "Input.Password", NewPassword, "Input.ConfirmPassword", NewPassword, "Input.TimeZoneId", "UTC"];

    public static IReadOnlyList<Access> All { get; } =
    [
        // Pages and files of one's own account: nothing in the request names a row.
        NoId("GET", "/", null, "Today: the person's own agenda"),
        NoId("GET", "/today", null, "Today: the person's own agenda"),
        NoId("GET", "/about", null, "a static page"),
        NoId("GET", "/healthz", null, "answers whether the database does"),
        NoId("GET", "/healthz/ready", null, "answers whether the app is prepared and the database answers"),
        NoId("GET", "/healthz/live", null, "answers that the process does"),
        NoId("GET", "/calendar/{token}.ics", null, "the token is a secret key, not an id; an unknown or renewed one is 404 (CalendarFeedTests)"),
        NoId("GET", "/error/{code:int?}", null, "code is an HTTP status"),
        NoId("POST", "/error/{code:int?}", null, "code is an HTTP status").At("/error/404"),
        NoId("GET", "/account/calendar", null, "the person's own feed"),
        NoId("POST", "/account/calendar", "Create", "the person's own feed"),
        NoId("POST", "/account/calendar", "Renew", "the person's own feed").With("password", "{Password}"),
        NoId("POST", "/account/calendar", "Details", "the person's own feed").With("includeDetails", "true"),
        NoId("POST", "/account/calendar", "Remove", "the person's own feed"),
        NoId("GET", "/account/change-password", null, "the signed-in account"),
        NoId("POST", "/account/change-password", null, "the signed-in account")
            .With("Input.CurrentPassword", "{Password}", "Input.NewPassword", NewPassword, "Input.ConfirmPassword", NewPassword),
        NoId("GET", "/account/profile", null, "the signed-in account", "Input.TimeZoneId"),
        NoId("POST", "/account/profile", null, "the signed-in account", "Input.TimeZoneId")
            .With("Input.DisplayName", "Planted", "Input.TimeZoneId", "America/Los_Angeles", "Input.SelfIntroduction", "planted").Opened("/account/profile"),
        NoId("GET", "/account/theme", null, "the signed-in account's own theme"),
        NoId("POST", "/account/theme", null, "the signed-in account's own theme").With("Choice", "Dark"),
        NoId("GET", "/account/register", null, "a new account", "Input.TimeZoneId"),
        NoId("POST", "/account/register", null, "a new account", "Input.TimeZoneId").With(NewAccount),
        NoId("GET", "/account/register", "Sent", "says an email was sent, whatever the address"),
        NoId("GET", "/account/register/finish", null, "the key is a sealed registration from an email, not an id"),
        NoId("POST", "/account/register/finish", null, "the key is a sealed registration from an email, not an id")
            .With("Input.Password", NewPassword, "Input.ConfirmPassword", NewPassword),
        NoId("GET", "/account/setup", null, "the first account", "Input.TimeZoneId"),
        NoId("POST", "/account/setup", null, "the first account", "Input.TimeZoneId").With(NewAccount).With("LoadSampleData", "true"),
        NoId("GET", "/account/sign-in", null, "signing in"),
        NoId("POST", "/account/sign-in", null, "signing in").With("Input.Email", "{Email}", "Input.Password", "{Password}"),
        NoId("GET", "/account/sign-out", null, "the signed-in browser"),
        NoId("POST", "/account/sign-out", null, "the signed-in browser"),
        NoId("GET", "/account/rules", null, "the person's own rules"),
        NoId("POST", "/account/rules", null, "the person's own rules")
            .With("Input.ThankYouHours", "24", "Input.NudgeBusinessDays", "2", "Input.FollowUpBusinessDays", "5", "Input.KeepInTouchOn", "true",
                "Input.KeepInTouchDays", "45", "Input.WeeklyRequestGoal", "4").Opened("/account/rules"),
        NoId("POST", "/account/rules", "Cadence", "a tag name among the person's own: someone else's name makes one of their own", "tag")
            .With("tag", "designer", "days", "30"),
        Post("/account/rules", "RemoveCadence", Form("tag", Owned.TagCadence)),
        NoId("GET", "/conversations", null, "the board of the person's own; field and org only narrow it (another person's match nothing)"),
        NoId("GET", "/conversations/list", null, "lists the person's own; field and org only narrow it (another person's match nothing)"),
        NoId("GET", "/follow-ups", null, "lists the person's own"),
        NoId("GET", "/follow-ups/answers", null, "sums up the person's own requests and replies"),
        NoId("POST", "/follow-ups", "Add", "a new task of one's own").With("NewTitle", "Planted", "NewDue", "2026-12-01"),
        NoId("GET", "/import", null, "the person's own imports and exports"),
        NoId("POST", "/import", "LinkedIn", "a new upload of one's own").WithFile("file", "Connections.csv", SampleFile.ConnectionsCsv),
        NoId("POST", "/import", "VCard", "a new upload of one's own").WithFile("file", "contacts.vcf", SampleFile.VCard),
        NoId("GET", "/import", "ContactsCsv", "all of the person's own contacts"),
        NoId("GET", "/import", "ContactsVCard", "all of the person's own contacts"),
        NoId("GET", "/import", "OrganizationsCsv", "all of the person's own organizations"),
        NoId("GET", "/organizations", null, "lists the person's own"),
        NoId("GET", "/organizations/targets", null, "lists the person's own"),
        NoId("GET", "/warm-paths", null, "searches the person's own organizations and contacts"),
        NoId("GET", "/organizations/new", null, "an empty form"),
        NoId("GET", "/outcome", null, "the person's own search"),
        NoId("POST", "/outcome", null, "the person's own search").With("Kind", "FurtherStudy", "Text", "planted"),
        NoId("GET", "/insights", null, "the person's own figures"),
        NoId("GET", "/people", null, "lists the person's own"),
        NoId("GET", "/people/bulk", null, "sends back to the list"),
        NoId("POST", "/people", "Columns", "the signed-in account's own choice of columns").With("columns", "Stage", "returnUrl", "/people"),
        NoId("GET", "/people/new", null, "an empty form"),
        NoId("GET", "/people/duplicates", null, "lists the person's own"),
        NoId("GET", "/people/suggest", null, "names among the person's own contacts"),
        NoId("GET", "/fields/new", null, "an empty form"),
        NoId("POST", "/fields/new", null, "a new field of one's own").With("Input.Name", "Planted field", "Input.Status", "Exploring"),
        NoId("GET", "/questions", null, "the bank and the person's own questions"),
        NoId("POST", "/questions", "Hide", "key names a built-in question, the same for everyone").With("key", Rapport.Domain.QuestionBank.BuiltIn[1].Key),
        NoId("POST", "/questions", "Copy", "key names a built-in question, the same for everyone").With("key", Rapport.Domain.QuestionBank.BuiltIn[2].Key),
        NoId("POST", "/questions", "Add", "a new question of one's own").With("Input.Text", "Planted?", "Input.Theme", "DayToDay", "Input.Part", "Insights"),
        NoId("GET", "/research", null, "lists the person's own"),
        NoId("GET", "/trash", null, "lists the person's own trash"),
        NoId("POST", "/trash", "Empty", "empties the person's own trash"),
        NoId("GET", "/account/activity", null, "the person's own audit events"),
        NoId("GET", "/account/delete", null, "the signed-in account"),
        NoId("POST", "/account/delete", null, "the signed-in account").With("Input.Password", "{Password}"),
        NoId("GET", "/import/restore", null, "an empty form"),
        NoId("GET", "/import/restore", "Export", "all of the person's own data"),
        NoId("POST", "/import/restore", null, "restores a file into the person's own (empty) account")
            .WithFile("file", "rapport-export.json", SampleFile.RapportExport).From(Sender.EmptyAccount),
        NoId("GET", "/admin/backup", null, "the whole install, for its owner only; anyone else gets 404 (BackupTests)"),
        NoId("POST", "/admin/backup", null, "the whole install, for its owner only; anyone else gets 404 (BackupTests)")
            .From(Sender.InstallOwner).SqliteOnly("PostgreSQL is backed up with its own tools; the button answers 404 there"),
        NoId("GET", "/admin/email", null, "the install's mail server, for its owner only; anyone else gets 404 (EmailTests)"),
        NoId("POST", "/admin/email", null, "sends the owner a test email; anyone else gets 404 (EmailTests)")
            .From(Sender.InstallOwner),

        // Contacts.
        Get("/people/{Contact}"),
        Post("/people/{Contact}", "Log").With("Log.Kind", "PhoneCall", "Log.On", "2026-11-20", "Log.Note", "planted"),
        Get("/people/{Contact}/edit"),
        Get("/people/{Contact}/photo"),
        Post("/people/{Contact}/edit", null, List("Input.FieldIds", Owned.CareerField, Answer.SameAsMissing)).With("Input.FirstName", "Planted")
            .Opened("/people/{Contact}/edit"),
        Get("/people/{Contact}/delete"),
        Post("/people/{Contact}/delete"),
        Get("/people/{Contact}/export/json", route: "/people/{id:int}/export/{format}"),
        Get("/people/{Contact}/export/vcf", route: "/people/{id:int}/export/{format}"),
        Post("/people/new", null, List("Input.FieldIds", Owned.CareerField, Answer.SameAsMissing)).With("Input.FirstName", "Planted", "SaveAnyway", "true"),
        Get("/people/merge", Query("a", Owned.Contact), Query("b", Owned.SecondContact)),
        Post("/people/merge", null, Query("a", Owned.Contact), Query("b", Owned.SecondContact), Form("Keep", Owned.Contact, Answer.SameAsMissing)),
        .. new[] { "tag", "field", "priority", "alumni", "export-csv", "export-vcf", "delete", "delete-confirmed" }.Select(action =>
            Post("/people/bulk", null, List("Ids", Owned.Contact)).With("Action", action, "Value", action switch
            {
                "priority" => "high",
                "field" => "Public health",
                _ => "planted",
            }, "ReturnUrl", "/people")),

        // Organizations.
        Get("/organizations/{Organization}"),
        Get("/organizations/{Organization}/edit"),
        Post("/organizations/{Organization}/edit", null, List("Input.FieldIds", Owned.CareerField, Answer.SameAsMissing)).With("Input.Name", "Planted", "Input.Status", "Target")
            .Opened("/organizations/{Organization}/edit"),
        Get("/organizations/{Organization}/delete"),
        Post("/organizations/{Organization}/delete"),
        Post("/organizations/new", null, List("Input.FieldIds", Owned.CareerField, Answer.SameAsMissing)).With("Input.Name", "Planted org", "Input.Status", "Target"),
        Post("/organizations/targets", "Score", Form("id", Owned.Organization)).With("motivation", "2", "postings", "2", "advocate", "yes"),

        // Career fields and their open questions.
        Get("/fields/{CareerField}"),
        Post("/fields/{CareerField}", "AddQuestion").With("NewQuestion", "planted"),
        Post("/fields/{CareerField}", "Answer", Form("questionId", Owned.OpenQuestion)).With("answer", "planted", "source", "planted"),
        Post("/fields/{CareerField}", "Reopen", Form("questionId", Owned.OpenQuestion)),
        Post("/fields/{CareerField}", "DeleteQuestion", Form("questionId", Owned.OpenQuestion)),
        Get("/fields/{CareerField}/edit"),
        Post("/fields/{CareerField}/edit").With("Input.Name", "Planted", "Input.Status", "Exploring").Opened("/fields/{CareerField}/edit"),
        Get("/fields/{CareerField}/delete"),
        Post("/fields/{CareerField}/delete"),

        // Conversations and everything under them.
        Get("/conversations/new", Query("contactId", Owned.Contact)),
        Post("/conversations/new", null, Form("ContactId", Owned.Contact), List("FieldIds", Owned.CareerField, Answer.SameAsMissing),
            Form("OrganizationId", Owned.Organization, Answer.SameAsMissing)).With("Goals", "DecideFit"),
        Get("/conversations/{Conversation}"),
        Post("/conversations/{Conversation}", "Reply").With("kind", "Accepted"),
        Post("/conversations/{Conversation}", "Stage").With("to", "Cancelled"),
        Post("/conversations", "Move", Form("id", Owned.Conversation)).With("to", "Closed").Opened("/conversations", "li[data-id='{Conversation}']"),
        Post("/conversations/{Conversation}", "Undo"),
        Post("/conversations/{Conversation}", "PromiseDone", Form("promiseId", Owned.Promise)),
        Post("/conversations/{Conversation}", "Delete"),
        Get("/conversations/{Conversation}/meeting.ics"),
        Get("/conversations/{Conversation}/hold"),
        Post("/conversations/{Conversation}/hold", "Start"),
        Post("/conversations/{Conversation}/hold", "Note", Form("target", Owned.ConversationQuestion, Format: "q:{0}")).With("text", "planted"),
        Post("/conversations/{Conversation}/hold", "Note").With("target", "free", "text", "planted"),
        Post("/conversations/{Conversation}/hold", "SaveAll", Key("notes[{0}]", Owned.ConversationQuestion)).With("freeNotes", "planted", "again", "true"),
        Post("/conversations/{Conversation}/hold", "Referral").With("firstName", "Planted", "mayUseName", "Yes"),
        Post("/conversations/{Conversation}/hold", "Promise").With("text", "planted"),
        Post("/conversations/{Conversation}/hold", "End").With("confirmed", "true"),
        Get("/conversations/{Conversation}/prepare"),
        Post("/conversations/{Conversation}/prepare", "Up", Form("questionId", Owned.ConversationQuestion)),
        Post("/conversations/{Conversation}/prepare", "Down", Form("questionId", Owned.ConversationQuestion)),
        Post("/conversations/{Conversation}/prepare", "Remove", Form("questionId", Owned.ConversationQuestion)),
        Post("/conversations/{Conversation}/prepare", "Reorder", List("order", Owned.EveryConversationQuestion)),
        Post("/conversations/{Conversation}/prepare", "Add", Form("key", Owned.OwnQuestion, Answer.SameAsMissing, Format: "own:{0}")),
        Post("/conversations/{Conversation}/prepare", "Add").With("text", "planted"),
        Post("/conversations/{Conversation}/prepare", "Propose"),
        Post("/conversations/{Conversation}/prepare", "Notes").With("researchNotes", "planted")
            .Opened("/conversations/{Conversation}/prepare", "form[action*='handler=Notes']"),
        Post("/conversations/{Conversation}/prepare", "Checklist").With("routeChecked", "true").Opened("/conversations/{Conversation}/prepare", "#checklist-form"),
        Get("/conversations/{Conversation}/reflect"),
        Post("/conversations/{Conversation}/reflect").With("Input.Learned", "planted").Opened("/conversations/{Conversation}/reflect"),
        Get("/conversations/{Conversation}/schedule"),
        Post("/conversations/{Conversation}/schedule").With("Input.Date", "2026-12-01", "Input.Time", "10:00", "Input.TimeZoneId", "UTC", "Input.DurationMinutes", "30", "Input.Mode", "Video")
            .NotAnId("Input.TimeZoneId").Opened("/conversations/{Conversation}/schedule"),

        // Messages and templates.
        Get("/outreach/compose", Query("contactId", Owned.Contact)),
        Get("/outreach/compose", Query("conversationId", Owned.Conversation), Query("contactId", Owned.Contact), Query("promiseId", Owned.Promise)),
        Post("/outreach/compose", "Check", Query("contactId", Owned.Contact)).With("Body", "planted"),
        Post("/outreach/compose", "Check", Query("conversationId", Owned.Conversation), Query("promiseId", Owned.Promise)).With("Body", "planted"),
        Post("/outreach/compose", "Sent", Query("contactId", Owned.Contact)).With("Body", "planted", "Channel", "Email"),
        Post("/outreach/compose", "Sent", Query("conversationId", Owned.Conversation), Query("contactId", Owned.Contact), Query("promiseId", Owned.Promise))
            .With("Body", "planted", "Channel", "Email"),
        Get("/templates", Query("edit", Owned.OwnTemplate, Format: "own:{0}")),
        Post("/templates", "Save", Query("edit", Owned.OwnTemplate, Format: "own:{0}"))
            .With("Input.Name", "Planted", "Input.Body", "Hello {{contact.first_name}}", "Input.Channel", "Email", "Input.Purpose", "Request")
            .Opened("/templates?edit=own:{OwnTemplate}", "form[action*='handler=Save']"),
        Post("/templates", "Delete", Form("id", Owned.OwnTemplate)),

        // Follow-ups and own questions.
        Post("/follow-ups", "Done", Form("id", Owned.FollowUpTask)),
        Post("/follow-ups", "Dismiss", Form("id", Owned.FollowUpTask)),
        Post("/follow-ups", "Snooze", Form("id", Owned.FollowUpTask)).With("days", "3"),
        Post("/follow-ups", "Edit", Form("id", Owned.FollowUpTask)).With("title", "planted", "notes", "planted")
            .Opened("/follow-ups", "form[action*='?id={FollowUpTask}&handler=Edit']"),
        Post("/questions", "Edit", Form("id", Owned.OwnQuestion)).With("Input.Text", "planted", "Input.Theme", "DayToDay", "Input.Part", "Insights")
            .Opened("/questions", "form[action*='handler=Edit'][action*='id={OwnQuestion}']"),
        Post("/questions", "Delete", Form("id", Owned.OwnQuestion)),

        // The trash.
        Post("/trash", "RestoreContact", Form("id", Owned.TrashedContact)),
        Post("/trash", "PurgeContact", Form("id", Owned.TrashedContact)),
        Post("/trash", "RestoreConversation", Form("id", Owned.TrashedConversation)),
        Post("/trash", "PurgeConversation", Form("id", Owned.TrashedConversation)),

        // Imports waiting for confirmation.
        Get("/import/{PendingImport}"),
        Post("/import/{PendingImport}"),
        Post("/import/{PendingImport}", "Cancel"),
    ];

    private static Access Get(string path, params Slot[] slots) => Get(path, route: null, slots);

    private static Access Get(string path, string? route, params Slot[] slots) => new("GET", route ?? RouteOf(path), null, path, slots, []);

    private static Access GetHandler(string path, string handler, params Slot[] slots) => new("GET", RouteOf(path), handler, path, slots, []);

    private static Access Post(string path, string? handler = null, params Slot[] slots) => new("POST", RouteOf(path), handler, path, slots, []);

    private static Access NoId(string verb, string route, string? handler, string because, params string[] notIds) =>
        new(verb, route, handler, route, [], [], because, notIds);

    private static Slot Query(string name, Owned kind, Answer answer = Answer.NotFound, string Format = "{0}") => new(name, kind, Place.Query, Format, Answer: answer);

    private static Slot Form(string name, Owned kind, Answer answer = Answer.NotFound, string Format = "{0}") => new(name, kind, Place.Form, Format, Answer: answer);

    private static Slot List(string name, Owned kind, Answer answer = Answer.NotFound) => new(name, kind, Place.Form, List: true, Answer: answer);

    private static Slot Key(string nameFormat, Owned kind) => new(nameFormat, kind, Place.FormKey, Answer: Answer.SameAsMissing);

    /// <summary>The page's route template for a path written with kinds: /people/{Contact}/edit is /people/{id:int}/edit.</summary>
    private static string RouteOf(string path) =>
        System.Text.RegularExpressions.Regex.Replace(path, @"\{(\w+)\}", m => m.Groups[1].Value == nameof(Owned.PendingImport) ? "{id:guid}" : "{id:int}");
}

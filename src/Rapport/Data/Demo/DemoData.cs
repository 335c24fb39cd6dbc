using Microsoft.EntityFrameworkCore;
using Rapport.Domain;

namespace Rapport.Data;

/// <summary>Bound from <c>Demo</c>; also switched on by starting the app with <c>--demo</c>.</summary>
public sealed class DemoOptions
{
    public const string Email = "demo@rapport.example";
    public const string Password = "try rapport with sample data";

    public bool Enabled { get; set; }
}

/// <summary>A lived-in sample so a newcomer sees what Rapport is for at once. Every name, address and
/// organization is made up; emails use the reserved example domains.</summary>
public sealed class DemoData(RapportDb db, CurrentOwner owner, TimeProvider clock)
{
    private sealed record Person(string First, string? Last, string? Title, string? Organization, string? Email, ContactSource? Source,
        string[] Fields, string[] Tags, string? Notes, string? ReferredBy = null, Priority Priority = Priority.Normal, string? AlumniOf = null);

    private static readonly (string Name, CareerFieldStatus Status, string Description, string[] Questions)[] SampleFields =
    [
        ("UX research", CareerFieldStatus.Pursuing, "Studying how people use products, to shape what gets built.",
            ["Do teams hire researchers without a design portfolio?", "How much of the week is interviews versus synthesis?", "Which methods courses are worth paying for?"]),
        ("Data analysis", CareerFieldStatus.Exploring, "Turning an organization's data into decisions.",
            ["Is SQL enough to start, or is Python expected?", "What does a junior analyst do in the first 90 days?"]),
        ("Urban planning", CareerFieldStatus.RuledOut, "Planning land use and transport for cities.",
            ["Is a master's degree required for entry-level roles?"]),
    ];

    private static readonly (string Name, OrganizationStatus Status, int? Motivation, int? Postings, string? City)[] SampleOrganizations =
    [
        ("Riverside Health Partners", OrganizationStatus.Target, 3, 2, "Sacramento"),
        ("Northwind Analytics", OrganizationStatus.Target, 2, 3, "Sacramento"),
        ("Civic Tech Collective", OrganizationStatus.Target, 3, 1, "Oakland"),
        ("Pacific Robotics", OrganizationStatus.Target, 1, 2, "San Jose"),
        ("Greenfield Energy", OrganizationStatus.Target, 2, 2, "Davis"),
        ("Bluebird Logistics", OrganizationStatus.OnHold, null, null, "Stockton"),
        ("City Planning Department", OrganizationStatus.RuledOut, 1, 1, "Sacramento"),
    ];

    private static readonly Person[] Samples =
    [
        new("Amara", "Okafor", "Product designer", "Riverside Health Partners", "amara.okafor@example.com", ContactSource.Association, ["UX research"], ["designer", "meetup"],
            "Met at the **UX Night** meetup.\n\n- Moved from nursing into design\n- Offered to look at my portfolio", Priority: Priority.High),
        new("Daniel", "Weiss", "Data team lead", "Northwind Analytics", "d.weiss@example.org", ContactSource.Alumni, ["Data analysis"], ["hiring manager"],
            "Class of 2015. Leads a team of eight.\n\nAsk about: how they hire juniors; SQL vs. Python on the job.", AlumniOf: "State University", Priority: Priority.High),
        new("Mei Lin", "Chen", "UX researcher", "Harbor City Library", null, ContactSource.Family, ["UX research"], ["family"], "Librarian turned UX researcher. My sister's friend."),
        new("José", "Ramírez", "Program director", "Civic Tech Collective", "jose.ramirez@example.com", ContactSource.Friend, ["UX research", "Data analysis"], ["nonprofit"],
            "Runs volunteer projects for the city. Good person to ask about nonprofit tech salaries."),
        new("Priya", "Natarajan", "Operations analyst", "Bluebird Logistics", "priya.n@example.net", ContactSource.CoWorker, ["Data analysis"], [], "Former co-worker from the warehouse summer job."),
        new("Tomás", "Novák", "Grid planning engineer", "Greenfield Energy", null, ContactSource.Cold, [], ["career fair"], "Met at the career fair. [Company careers page](https://example.com/careers)."),
        new("Fatima", "Al-Sayed", "Professor of statistics", "State University", "fatima.alsayed@example.com", ContactSource.Professor, ["Data analysis"], ["professor"],
            "My former statistics professor. Knows many alumni in public health.", Priority: Priority.High),
        new("Grace", "Mensah", "Clinical informatics specialist", "Riverside Health Partners", "grace.mensah@example.org", ContactSource.Referral, ["Data analysis"], [],
            "Referred by Amara.", ReferredBy: "Amara Okafor"),
        new("Lukas", "Becker", "Junior analyst", "Northwind Analytics", "lukas.becker@example.com", ContactSource.Referral, ["Data analysis"], [],
            "Joined last year. Candid about the first 90 days.", ReferredBy: "Daniel Weiss"),
        new("Sofia", "Rossi", "Studio owner", "Atelier Rossi", null, ContactSource.Family, ["UX research"], ["family"], "Runs a small design studio. Family friend."),
        new("Kenji", "Watanabe", "Hardware engineer", "Pacific Robotics", "kenji.w@example.net", ContactSource.LinkedIn, [], ["robotics"], "LinkedIn connection from a robotics course."),
        new("Hannah", "Schmidt", "Urban planner", "City Planning Department", "hannah.schmidt@example.com", ContactSource.Alumni, ["Urban planning"], [],
            "Asked me to call after the budget season (March).", AlumniOf: "State University"),
        new("Olivia", "Brown", "Instructional designer", "Brightside Schools", "olivia.brown@example.org", ContactSource.Association, ["UX research"], [], "Professional association member."),
        new("Mohammed", "Haddad", "Backend developer", "Civic Tech Collective", null, ContactSource.Referral, [], ["volunteer"], "Volunteers on weekends.", ReferredBy: "José Ramírez"),
        new("Ingrid", "Larsen", "Management consultant", "Fjord Consulting", "ingrid.larsen@example.com", ContactSource.LinkedIn, [], [], "Very busy: keep any request short.", Priority: Priority.Low),
        new("Chidi", "Eze", "Technical recruiter", "Pacific Robotics", "chidi.eze@example.net", ContactSource.LinkedIn, [], ["recruiter"], "Said informational calls are fine, not job asks."),
        new("Zoë", "Saldaña", "Exhibit designer", "Harbor City Museum", "zoe.s@example.com", ContactSource.Referral, ["UX research"], [], "Met through Mei Lin.", ReferredBy: "Mei Lin Chen"),
        new("Arjun", "Mehta", "Data scientist", "Greenfield Energy", "arjun.mehta@example.org", ContactSource.Alumni, ["Data analysis"], [], "Forecasting. Class of 2018.", AlumniOf: "State University"),
        new("Nguyễn Văn", "Anh", "Supply chain lead", "Bluebird Logistics", null, ContactSource.Association, ["Data analysis"], [], "Speaks at the regional logistics meetup."),
        new("Elena", "Petrova", "Editor", "Open Books Publishing", "elena.petrova@example.com", ContactSource.Friend, [], [], "Knows the local publishing scene well."),
        new("Samuel", "Adeyemi", "Analytics manager", "Northwind Analytics", "sam.adeyemi@example.net", ContactSource.Cold, ["Data analysis"], ["hiring manager"], "Hiring manager for the analytics team."),
        new("Rachel", "Goldberg", "Freelance UX writer", null, "rachel.g@example.org", ContactSource.Friend, ["UX research"], [], "Cousin's neighbour; happy to talk."),
        new("Þórunn", "Jónsdóttir", "Sustainability consultant", "Fjord Consulting", null, ContactSource.LinkedIn, [], [], "Works in the sustainability practice."),
        new("Liam", "O'Connor", "Career adviser", "State University", "liam.oconnor@example.com", ContactSource.Professor, [], ["career center"], "Offered mock interviews."),
    ];

    /// <summary>When the sample contacts were added, before anything else in the story.</summary>
    private const int AddedDaysAgo = 30;

    /// <summary>When the sample conversations were first planned.</summary>
    private const int PlannedDaysAgo = 25;

    /// <summary>Adds the sample fields, organizations and contacts to the current owner's account. The follow-ups
    /// they call for come from the rule pass that follows every write (in a request, or work outside one).</summary>
    public async Task AddSampleContactsAsync()
    {
        if (owner.Id is null) throw new InvalidOperationException("Sample data needs a user to belong to.");
        var now = clock.GetUtcNow().UtcDateTime;
        var fields = new Dictionary<string, CareerField>();
        foreach (var (name, status, description, questions) in SampleFields)
        {
            var field = new CareerField { Status = status, Description = description };
            field.Rename(name);
            field.OpenQuestions.AddRange(questions.Select(q => new OpenQuestion { Text = q }));
            fields[name] = field;
            db.CareerFields.Add(field);
        }
        var organizations = new Dictionary<string, Organization>();
        Organization OrganizationNamed(string name)
        {
            if (organizations.TryGetValue(name, out var found)) return found;
            var organization = new Organization();
            organization.Rename(name);
            db.Organizations.Add(organization);
            return organizations[name] = organization;
        }
        foreach (var (name, status, motivation, postings, city) in SampleOrganizations)
        {
            var organization = OrganizationNamed(name);
            (organization.Status, organization.Motivation, organization.Postings, organization.City) = (status, motivation, postings, city);
        }
        var people = new Dictionary<string, Contact>();
        foreach (var p in Samples)
        {
            var contact = new Contact
            {
                FirstName = p.First, LastName = p.Last, Title = p.Title, Source = p.Source, Notes = p.Notes, Priority = p.Priority, AlumniOf = p.AlumniOf,
                Organization = p.Organization is null ? null : OrganizationNamed(p.Organization),
                ReferredBy = p.ReferredBy is null ? null : people[p.ReferredBy],
            };
            if (p.Email is not null) contact.Emails.Add(new ContactEmail { Address = p.Email, NormalizedAddress = ContactEmail.Normalize(p.Email), Label = "work" });
            contact.Tags.AddRange(p.Tags.Select(ContactTag.Named));
            contact.Fields.AddRange(p.Fields.Select(f => new ContactField { CareerField = fields[f] }));
            contact.Events.Add(new ContactEvent { Kind = ContactEventKind.Added, OccurredAtUtc = now.AddDays(-AddedDaysAgo), Text = "Added" });
            contact.RefreshSearch(contact.Organization?.Name);
            people[contact.FullName] = contact;
            db.Contacts.Add(contact);
        }
        var conversations = AddSampleConversations(people, fields, now);
        await db.SaveChangesAsync();
        AddSampleOutreach(conversations, now);
        await db.SaveChangesAsync();
    }

    /// <summary>The requests behind those conversations and how each contact answered: one quickly, one
    /// late, one declined, one not yet (so the nudge and the follow-up show up). Each stage change is dated by
    /// what caused it: the request sent, the reply, the meeting's end; so the history tells one story in time.</summary>
    private void AddSampleOutreach(IReadOnlyList<Conversation> conversations, DateTime now)
    {
        void Asked(Conversation conversation, Channel channel, int daysAgo, ReplyKind? reply, int? answeredDaysAgo)
        {
            var sent = now.AddDays(-daysAgo);
            db.OutreachAttempts.Add(new OutreachAttempt
            {
                ContactId = conversation.ContactId, ConversationId = conversation.Id, Channel = channel, Purpose = TemplatePurpose.Request,
                Subject = channel == Channel.Email ? "A student's question about your work" : null,
                Body = $"Hello {conversation.Contact!.FirstName}, I'm exploring this field and would value 20 minutes of your advice. Would you have time in the next few weeks?",
                SentAtUtc = sent,
            });
            Moved(conversation, ConversationStage.Idea, ConversationStage.Requested, sent);
            var lastInTouch = sent;
            if (reply is ReplyKind kind && answeredDaysAgo is int answered)
            {
                var at = now.AddDays(-answered);
                db.Replies.Add(new Reply { ContactId = conversation.ContactId, ConversationId = conversation.Id, Kind = kind, AtUtc = at });
                lastInTouch = at;
                if (kind == ReplyKind.Declined) Moved(conversation, ConversationStage.Requested, ConversationStage.Declined, at);
                else if (kind == ReplyKind.Accepted) Moved(conversation, ConversationStage.Requested, ConversationStage.Scheduled, at);
            }
            if (conversation.Stage == ConversationStage.Held && conversation.MeetingEndUtc is DateTime ended)
            {
                Moved(conversation, ConversationStage.Scheduled, ConversationStage.Held, ended);
                lastInTouch = conversation.MeetingStartUtc!.Value;
            }
            conversation.Contact.LastContactedOn = DateOnly.FromDateTime(lastInTouch);
        }

        Asked(conversations[0], Channel.Email, 12, ReplyKind.Accepted, 11);
        Asked(conversations[1], Channel.LinkedIn, 10, ReplyKind.Accepted, 3);
        Asked(conversations[2], Channel.Email, 6, null, null);
        Asked(conversations[3], Channel.Email, 20, ReplyKind.Declined, 19);
    }

    private void Moved(Conversation conversation, ConversationStage from, ConversationStage to, DateTime at)
    {
        db.StageChanges.Add(new StageChange { ConversationId = conversation.Id, From = from, To = to, AtUtc = at, MeetingStartBeforeUtc = conversation.MeetingStartUtc });
        conversation.StageChangedAtUtc = at;
    }

    /// <summary>A few conversations at different stages, one of them held, with notes and a reflection.</summary>
    private List<Conversation> AddSampleConversations(Dictionary<string, Contact> people, Dictionary<string, CareerField> fields, DateTime now)
    {
        var bank = QuestionBank.BuiltIn.Select(q => new QuestionCandidate($"bank:{q.Key}", q.Text, q.Part, q.Goals, q.NeedsOrganization, false, false)).ToList();
        Conversation Plan(string person, string field, ConversationGoal goals, ConversationStage stage, DateTime? meeting)
        {
            var contact = people[person];
            var conversation = new Conversation
            {
                Contact = contact, Organization = contact.Organization, Goals = goals, Stage = stage, StageChangedAtUtc = now.AddDays(-PlannedDaysAgo),
                MeetingStartUtc = meeting, TimeZoneId = "America/New_York", Mode = MeetingMode.Video,
            };
            conversation.Fields.Add(new ConversationField { CareerField = fields[field] });
            var position = 0;
            foreach (var q in QuestionTailoring.Propose(bank, goals, contact.Organization is not null).Questions)
                conversation.Questions.Add(new ConversationQuestion { Source = q.Key, Text = q.Text, Part = q.Part, Position = position++ });
            // The moves after planning come with the messages and replies that caused them (AddSampleOutreach).
            conversation.StageChanges.Add(new StageChange { From = null, To = ConversationStage.Idea, AtUtc = now.AddDays(-PlannedDaysAgo) });
            db.Conversations.Add(conversation);
            return conversation;
        }

        var held = Plan("Amara Okafor", "UX research", ConversationGoal.DecideFit | ConversationGoal.LearnTheWayIn, ConversationStage.Held, now.AddDays(-1).Date.AddHours(17));
        (held.StartedAtUtc, held.EndedAtUtc) = (held.MeetingStartUtc, held.MeetingEndUtc);
        var during = held.MeetingStartUtc!.Value.AddMinutes(20);
        held.Questions[0].Notes = "Mostly interviews early in the week, synthesis and workshops later.";
        held.Questions[1].Notes = "Came in from nursing: a portfolio of two small research projects was enough.";
        held.FreeNotes = "Mentioned the regional UX Night meetup; suggested I talk to Grace.";
        held.MayContactAgain = true;
        held.Learned = "Career changers are welcome if they can show how they learn from users.";
        held.StillWantToKnow = "How do research teams measure their impact?";
        held.FitRating = 4;
        held.FitNote = "The mix of people and analysis suits me.";
        held.Promises.Add(new Promise { Text = "Send the link to my capstone write-up", CreatedAtUtc = during });
        held.Referrals.Add(new Referral { Contact = people["Grace Mensah"], MayUseName = NameUse.Yes, CreatedAtUtc = during });
        return
        [
            held,
            Plan("Daniel Weiss", "Data analysis", ConversationGoal.LearnTheWayIn | ConversationGoal.SizeUpEmployer, ConversationStage.Scheduled, now.AddDays(3).Date.AddHours(15)),
            Plan("Fatima Al-Sayed", "Data analysis", ConversationGoal.GrowLocalNetwork | ConversationGoal.JobSearchIdeas, ConversationStage.Requested, null),
            Plan("Hannah Schmidt", "Urban planning", ConversationGoal.DecideFit, ConversationStage.Declined, null),
        ];
    }
}

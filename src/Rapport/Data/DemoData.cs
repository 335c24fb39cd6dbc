using Microsoft.AspNetCore.Identity;
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
public sealed class DemoData(RapportDb db, CurrentOwner owner)
{
    private static readonly (string Name, string? Email, string? Organization, string? Notes)[] Samples =
    [
        ("Amara Okafor", "amara.okafor@example.com", "Riverside Health Partners", "Product designer, 6 years in health tech. Met at the **UX Night** meetup.\n\n- Moved from nursing into design\n- Offered to look at my portfolio"),
        ("Daniel Weiss", "d.weiss@example.org", "Northwind Analytics", "Alumnus (class of 2015). Leads a data team of eight.\n\nAsk about: how they hire juniors; SQL vs. Python on the job."),
        ("Mei Lin Chen", null, "Harbor City Library", "Librarian turned UX researcher. Friend of my sister."),
        ("José Ramírez", "jose.ramirez@example.com", "Civic Tech Collective", "Runs volunteer projects for the city. Good person to ask about nonprofit tech salaries."),
        ("Priya Natarajan", "priya.n@example.net", "Bluebird Logistics", "Operations analyst. Former co-worker from the warehouse summer job."),
        ("Tomás Novák", null, "Greenfield Energy", "Met at the career fair. Works on grid planning; [company careers page](https://example.com/careers)."),
        ("Fatima Al-Sayed", "fatima.alsayed@example.com", "State University", "My former statistics professor. Knows many alumni in public health."),
        ("Grace Mensah", "grace.mensah@example.org", "Riverside Health Partners", "Clinical informatics. Referred by Amara."),
        ("Lukas Becker", "lukas.becker@example.com", "Northwind Analytics", "Junior analyst, joined last year. Candid about the first 90 days."),
        ("Sofia Rossi", null, "Atelier Rossi", "Runs a small design studio. Family friend."),
        ("Kenji Watanabe", "kenji.w@example.net", "Pacific Robotics", "Hardware engineer. LinkedIn connection from a robotics course."),
        ("Hannah Schmidt", "hannah.schmidt@example.com", "City Planning Department", "Urban planner; asked me to call after the budget season (March)."),
        ("Olivia Brown", "olivia.brown@example.org", "Brightside Schools", "Instructional designer. Professional association member."),
        ("Mohammed Haddad", null, "Civic Tech Collective", "Backend developer, volunteers on weekends."),
        ("Ingrid Larsen", "ingrid.larsen@example.com", "Fjord Consulting", "Management consultant. Very busy: keep any request short."),
        ("Chidi Eze", "chidi.eze@example.net", "Pacific Robotics", "Recruiter. Said informational calls are fine, not job asks."),
        ("Zoë Saldaña", "zoe.s@example.com", "Harbor City Museum", "Exhibit designer. Met through Mei Lin."),
        ("Arjun Mehta", "arjun.mehta@example.org", "Greenfield Energy", "Data scientist on forecasting. Alumnus, class of 2018."),
        ("Nguyễn Văn Anh", null, "Bluebird Logistics", "Supply chain lead. Speaks at the regional logistics meetup."),
        ("Elena Petrova", "elena.petrova@example.com", "Open Books Publishing", "Editor. Knows the local publishing scene well."),
        ("Samuel Adeyemi", "sam.adeyemi@example.net", "Northwind Analytics", "Hiring manager for the analytics team."),
        ("Rachel Goldberg", "rachel.g@example.org", null, "Freelance UX writer. Cousin's neighbour; happy to talk."),
        ("Þórunn Jónsdóttir", null, "Fjord Consulting", "Consultant in the sustainability practice."),
        ("Liam O'Connor", "liam.oconnor@example.com", "State University", "Career center adviser. Offered mock interviews."),
    ];

    /// <summary>Adds the sample contacts to the current owner's account.</summary>
    public async Task AddSampleContactsAsync()
    {
        if (owner.Id is null) throw new InvalidOperationException("Sample data needs a user to belong to.");
        foreach (var (name, email, organization, notes) in Samples)
        {
            var contact = new Contact { Name = name, Email = email, Organization = organization, Notes = notes };
            contact.RefreshSearchKey();
            db.Contacts.Add(contact);
        }
        await db.SaveChangesAsync();
    }
}

public static class DemoDataStartup
{
    /// <summary>With <c>--demo</c>: makes the demo account if it is missing and fills it once.</summary>
    public static async Task LoadDemoDataIfAskedAsync(this IServiceProvider services, ILogger log)
    {
        if (!services.GetRequiredService<DemoOptions>().Enabled) return;
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RapportUser>>();
        var user = await users.FindByEmailAsync(DemoOptions.Email);
        if (user is null)
        {
            user = new RapportUser
            {
                UserName = DemoOptions.Email,
                Email = DemoOptions.Email,
                DisplayName = "Sam Demo",
                TimeZoneId = "America/New_York",
                SelfIntroduction = "I'm finishing a degree in information science and exploring UX research and data analysis. I'd love to hear how you got into your field.",
                CreatedAtUtc = DateTime.UtcNow,
            };
            var result = await users.CreateAsync(user, DemoOptions.Password);
            if (!result.Succeeded) throw new InvalidOperationException("Could not make the demo account: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
        scope.ServiceProvider.GetRequiredService<CurrentOwner>().ActAs(user.Id);
        var db = scope.ServiceProvider.GetRequiredService<RapportDb>();
        if (!await db.Contacts.AnyAsync()) await scope.ServiceProvider.GetRequiredService<DemoData>().AddSampleContactsAsync();
        log.LogWarning("Demo data is loaded. Sign in as {Email} with the password \"{Password}\".", DemoOptions.Email, DemoOptions.Password);
    }
}

using System.Globalization;
using System.Text;

namespace Rapport.Bench.Data;

/// <summary>A LinkedIn <c>Connections.csv</c> in the real shape, the same for the same seed: the "Notes:"
/// preamble, CRLF and a byte-order mark, quoted fields holding commas and quotes, non-ASCII names,
/// profile URLs spelled many ways, a long tail of companies, mostly empty emails, and 1% of rows
/// repeating an earlier person.</summary>
public static class ConnectionsGenerator
{
    private static readonly string[] FirstNames =
    [
        "Amara", "Daniel", "Mei Lin", "José", "Priya", "Tomás", "Fatima", "Grace", "Lukas", "Sofia", "Kenji", "Hannah", "Olivia",
        "Mohammed", "Ingrid", "Chidi", "Zoë", "Arjun", "Nguyễn Văn", "Elena", "Samuel", "Rachel", "Þórunn", "Liam", "Björn", "Łukasz",
        "Chloé", "Siobhán", "François", "Søren", "Ольга", "Дмитрий", "王", "李娜", "Aiko", "Hiroshi", "Ana", "João", "Mateo", "Lucía",
        "Emma", "Noah", "Ava", "Ethan", "Mia", "Lucas", "Isabella", "James", "Charlotte", "Benjamin", "Amelia", "Oliver", "Harper",
        "Elijah", "Evelyn", "William", "Abigail", "Henry", "Emily", "Alexander", "Ella", "Michael", "Elizabeth", "Sebastian", "Camila",
        "Jack", "Luna", "Owen", "Sofía", "Aarav", "Ananya", "Vikram", "Kwame", "Ama", "Tunde", "Ngozi", "Yusuf", "Leyla", "Omar",
        "Nadia", "Pierre", "Camille", "Giulia", "Marco", "Katarzyna", "Piotr", "Eszter", "Zoltán", "Ayşe", "Mehmet", "Dana", "Avi",
        "Kai", "Leilani", "Tane", "Aroha", "Jae-won", "Min-jun", "Thảo", "Minh",
    ];

    private static readonly string[] LastNames =
    [
        "Okafor", "Weiss", "Chen", "Ramírez", "Natarajan", "Novák", "Al-Sayed", "Mensah", "Becker", "Rossi", "Watanabe", "Schmidt",
        "Brown", "Haddad", "Larsen", "Eze", "Saldaña", "Mehta", "Anh", "Petrova", "Adeyemi", "Goldberg", "Jónsdóttir", "O'Connor",
        "Müller", "García", "Østergaard", "Nakamura", "van der Berg", "Jović", "Kowalski", "Nguyen", "Smith", "Johnson", "Williams",
        "Jones", "Miller", "Davis", "Rodriguez", "Martinez", "Hernández", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor",
        "Moore", "Jackson", "Martin", "Lee", "Pérez", "Thompson", "White", "Harris", "Sánchez", "Clark", "Lewis", "Robinson", "Walker",
        "Young", "Allen", "King", "Wright", "Scott", "Torres", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera",
        "Campbell", "Mitchell", "Carter", "Roberts", "Kim", "Park", "Singh", "Patel", "Khan", "Ali", "Ivanova", "Иванов", "王", "李",
        "Yılmaz", "Kaya", "Dubois", "Lefèvre", "Bianchi", "Ferrari", "Nowak", "Horváth", "Fischer", "Wagner", "Cohen", "Levi", "Tanaka",
    ];

    private static readonly string[] CompanyFirst =
    [
        "Northwind", "Blue Harbor", "Riverside", "Summit", "Cedar", "Granite", "Lumen", "Atlas", "Beacon", "Harbor City", "Meridian",
        "Pioneer", "Evergreen", "Silverline", "Redwood", "Crescent", "Horizon", "Keystone", "Maple", "Orion", "Polaris", "Quarry", "Sterling",
        "Tidewater", "Union", "Vantage", "Westfield", "Zenith", "Aurora", "Bright", "Civic", "Delta", "Ember", "Fjord", "Golden Gate",
        "Müller & Söhne", "Société Lumière", "Østfold", "Çelik", "São Paulo",
    ];

    private static readonly string[] CompanyMiddle =
    [
        "Analytics", "Health", "Labs", "Systems", "Design", "Partners", "Energy", "Logistics", "Media", "Robotics", "Foods", "Capital",
        "Learning", "Software", "Consulting", "Architecture", "Biotech", "Insurance", "Museum", "Transit", "Water", "Grid", "Studio",
        "Research", "Networks", "Pharma", "Realty", "Aerospace", "Textiles", "Outfitters", "Bank", "Press", "Games", "Clinic", "Foundation",
        "Collective", "Works", "Ventures", "Motors", "Telecom",
    ];

    private static readonly string[] CompanySuffix = ["", "", "", "", " Inc.", ", Inc.", " LLC", " GmbH", " Ltd", " Group", " & Co.", " Co-op"];

    private static readonly string[] Titles =
    [
        "Software Engineer", "Senior Software Engineer", "Product Designer", "UX Researcher", "Data Analyst", "Data Scientist",
        "Product Manager", "Program Manager", "Marketing Manager", "Account Executive", "Nurse Practitioner", "Urban Planner",
        "Civil Engineer", "Financial Analyst", "Teacher", "Professor of Statistics", "Research Scientist", "Operations Lead",
        "Head of People", "Recruiter", "Founder", "Co-founder & CEO", "Consultant", "Editor", "Journalist", "Architect", "Curator",
        "Lab Technician", "Grid Operations Engineer", "Policy Advisor", "Librarian", "Paralegal", "Attorney", "Pharmacist",
        "Senior Engineer, Platform", "Director, Strategy & Operations", "VP, Engineering", "Manager, Customer Success",
        "Lead \"Growth\" Hacker", "Student", "Intern", "Career Adviser", "Social Worker", "Chef", "Photographer",
    ];

    private const string Preamble =
        "Notes:\r\n\"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see "
        + "email addresses for connections who have allowed their connections to see or download their email address using this setting "
        + "https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261\"\r\n\r\n"
        + "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n";

    /// <param name="rows">Data rows, repeats included.</param>
    /// <param name="companies">How many different companies appear (a few employ many people, most one or two).</param>
    public static byte[] Generate(int rows, int companies, int seed)
    {
        var random = new Random(seed);
        var companyNames = CompanyNames(random, companies);
        var text = new StringBuilder(rows * 120);
        text.Append(Preamble);
        var written = new List<string>(rows);
        var start = new DateOnly(2016, 1, 1);
        for (var i = 0; i < rows; i++)
        {
            if (written.Count > 100 && random.NextDouble() < 0.01)
            {
                text.Append(written[random.Next(written.Count)]);
                continue;
            }
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            var slug = $"{Slug(first)}-{Slug(last)}-{i:x5}";
            var url = (random.Next(20)) switch
            {
                0 => $"http://linkedin.com/in/{slug}/",
                1 => $"https://uk.linkedin.com/in/{slug}",
                2 => $"https://www.linkedin.com/in/{slug}?trk=people-guest_people_search-card",
                3 => $"www.linkedin.com/in/{slug}",
                _ => $"https://www.linkedin.com/in/{slug}",
            };
            var email = random.NextDouble() < 0.05 ? $"{Slug(first)}.{Slug(last)}{i}@example.com" : "";
            // A long tail: the first companies employ many people, most appear once or twice.
            var company = random.NextDouble() < 0.03 ? "" : companyNames[(int)(companies * Math.Pow(random.NextDouble(), 2.2))];
            var title = Titles[random.Next(Titles.Length)];
            var connected = start.AddDays(random.Next(3650));
            var date = connected.ToString(random.Next(2) == 0 ? "dd MMM yyyy" : "d MMM yyyy", CultureInfo.InvariantCulture);
            var line = $"{Csv(first)},{Csv(last)},{url},{email},{Csv(company)},{Csv(title)},{date}\r\n";
            written.Add(line);
            text.Append(line);
        }
        return Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
    }

    private static List<string> CompanyNames(Random random, int count)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<string>(count);
        while (ordered.Count < count)
        {
            var name = CompanyFirst[random.Next(CompanyFirst.Length)] + " " + CompanyMiddle[random.Next(CompanyMiddle.Length)]
                + CompanySuffix[random.Next(CompanySuffix.Length)];
            if (names.Count >= CompanyFirst.Length * CompanyMiddle.Length * CompanySuffix.Length / 2) name += " " + (ordered.Count + 1);
            if (names.Add(name)) ordered.Add(name);
        }
        return ordered;
    }

    private static string Slug(string name)
    {
        var ascii = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') ascii.Append(c);
        }
        return ascii.Length == 0 ? "member" : ascii.ToString();
    }

    private static string Csv(string value) =>
        value.Contains(',') || value.Contains('"') ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}

using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Rapport.Bench.Data;

/// <summary>LinkedIn's full export as a ZIP, the same for the same seed: the generated Connections.csv, an
/// Invitations.csv (sent and received, some with a note holding a line break) and a messages.csv of the given number
/// of rows: two-way threads with the connections (their profile URLs spelled another way, some names double-encoded),
/// group threads, people who are not connections, and 1% sponsored mail.</summary>
public static class HistoryGenerator
{
    private const string Me = "https://www.linkedin.com/in/bench-owner";

    public static byte[] Generate(byte[] connections, int invitations, int messages, int seed)
    {
        var random = new Random(seed);
        var people = People(connections);
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(archive, "Connections.csv", connections);
            Add(archive, "Invitations.csv", Encoding.UTF8.GetBytes(InvitationsCsv(people, invitations, random)));
            Add(archive, "messages.csv", Encoding.UTF8.GetBytes(MessagesCsv(people, messages, random)));
        }
        return buffer.ToArray();
    }

    private static string InvitationsCsv(List<(string Name, string Url)> people, int count, Random random)
    {
        var text = new StringBuilder("From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\r\n");
        for (var i = 0; i < count; i++)
        {
            var (name, url) = people[random.Next(people.Count)];
            var at = new DateTime(2024, 1, 1).AddMinutes(random.Next(60 * 24 * 700));
            var sent = at.ToString("M/d/yy, h:mm tt", CultureInfo.InvariantCulture);
            var note = random.Next(3) == 0 ? "" : $"\"Hi {name.Split(' ')[0]},\nI am exploring careers in your field; could we connect? ({i})\"";
            text.Append(random.Next(4) == 0
                ? $"{Csv(name)},Bench Owner,\"{sent}\",{note},INCOMING,{url},{Me}\r\n"
                : $"Bench Owner,{Csv(name)},\"{sent}\",{note},OUTGOING,{Me},{url}/\r\n");
        }
        return text.ToString();
    }

    private static string MessagesCsv(List<(string Name, string Url)> people, int count, Random random)
    {
        var text = new StringBuilder("CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\r\n");
        var written = 0;
        for (var thread = 0; written < count; thread++)
        {
            var id = $"2-{thread:x8}";
            var start = new DateTime(2024, 1, 1).AddMinutes(random.Next(60 * 24 * 700));
            if (random.Next(100) == 0)
            {
                text.Append($"{id},,Sponsor {thread},,Bench Owner,{Me},{Date(start)},Offer,Try our premium plan,SPONSORED_INBOX\r\n");
                written++;
                continue;
            }
            var (name, url) = random.Next(20) == 0 ? ($"Stranger {thread}", $"https://www.linkedin.com/in/stranger-{thread}") : people[random.Next(people.Count)];
            // Another spelling of the same profile, and now and then the name LinkedIn double-encodes.
            var theirUrl = random.Next(2) == 0 ? url.Replace("https://www.", "https://uk.", StringComparison.Ordinal) + "/" : url;
            var theirName = random.Next(10) == 0 ? Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(name)) : name;
            var group = random.Next(25) == 0 ? people[random.Next(people.Count)] : default;
            var length = Math.Min(count - written, 1 + random.Next(8));
            for (var m = 0; m < length; m++, written++)
            {
                var at = Date(start.AddMinutes(m * (30 + random.Next(3000))));
                var content = Csv($"Message {m} of thread {thread}: thanks for your time, {name.Split(' ')[0]}.{(m % 3 == 0 ? "\nBest,\nSam" : "")}");
                if (m % 2 == 0)
                {
                    var to = group.Url is null ? Csv(name) : Csv($"{name}, {group.Name}");
                    var urls = group.Url is null ? theirUrl : $"\"{theirUrl},{group.Url}\"";
                    text.Append($"{id},,Bench Owner,{Me},{to},{urls},{at},,{content},INBOX\r\n");
                }
                else
                {
                    text.Append($"{id},,{Csv(theirName)},{theirUrl},Bench Owner,{Me},{at},,{content},INBOX\r\n");
                }
            }
        }
        return text.ToString();
    }

    /// <summary>Name and profile URL of every connection in the generated file (quoted cells only hold names and companies).</summary>
    private static List<(string Name, string Url)> People(byte[] connections)
    {
        var people = new List<(string, string)>();
        var lines = Encoding.UTF8.GetString(connections).Split("\r\n");
        var header = Array.FindIndex(lines, l => l.StartsWith("First Name,", StringComparison.Ordinal));
        foreach (var line in lines.Skip(header + 1))
        {
            var cells = Cells(line);
            if (cells.Count < 3 || !cells[2].Contains("linkedin.com", StringComparison.Ordinal)) continue;
            var url = cells[2].StartsWith("www.", StringComparison.Ordinal) ? "https://" + cells[2] : cells[2];
            people.Add(($"{cells[0]} {cells[1]}", url.Split('?')[0].TrimEnd('/')));
        }
        return people;
    }

    private static List<string> Cells(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return cells;
    }

    private static string Date(DateTime at) => at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    private static string Csv(string value) =>
        value.Contains(',') || value.Contains('"') || value.Contains('\n') ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    private static void Add(ZipArchive archive, string name, byte[] content)
    {
        using var entry = archive.CreateEntry("Complete_LinkedInDataExport/" + name, CompressionLevel.Fastest).Open();
        entry.Write(content);
    }
}

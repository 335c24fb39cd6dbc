using Rapport.Formats.LinkedIn;

namespace Rapport.Bench.Data;

/// <summary>What people type into the search box, drawn from the data set: first names, the start of a
/// last name, a company word, a job-title word, and two words at once.</summary>
public static class SearchQueries
{
    private static readonly string[] TitleWords = ["engineer", "design", "analyst", "manager", "research", "nurse", "teacher", "director", "plan"];

    public static IReadOnlyList<string> From(byte[] file, int count, int seed)
    {
        var rows = ConnectionsCsv.Read(new MemoryStream(file), "Connections.csv").Connections;
        var random = new Random(seed);
        var queries = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var row = rows[random.Next(rows.Count)];
            var last = row.LastName.Length > 0 ? row.LastName : row.FirstName;
            var company = (row.Company ?? "Harbor").Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
            queries.Add((i % 5) switch
            {
                0 => row.FirstName,
                1 => last[..Math.Min(last.Length, 3 + random.Next(3))],
                2 => company,
                3 => TitleWords[random.Next(TitleWords.Length)],
                _ => $"{row.FirstName} {last[..Math.Min(last.Length, 3)]}",
            });
        }
        return queries;
    }
}

using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Rapport.UnitTests.Formats.VCard;

using Rapport.Formats.VCard;

/// <summary>Has an independent parser, ical.js (installed by npm at the repository root), read what the
/// writer produced. Needs node on PATH; without it the test fails rather than passing unchecked.</summary>
public class VCardIcalJsTests
{
    // Reads the vCard text from stdin and prints ical.js's jCard for each card as JSON.
    private const string ParseScript = """
        const { pathToFileURL } = require('node:url');
        (async () => {
          const ICAL = (await import(pathToFileURL(process.env.ICALJS_PATH).href)).default;
          const chunks = [];
          for await (const chunk of process.stdin) chunks.push(chunk);
          const parsed = ICAL.parse(Buffer.concat(chunks).toString('utf8'));
          const cards = typeof parsed[0] === 'string' ? [parsed] : parsed;
          process.stdout.write(JSON.stringify(cards));
        })().catch(e => { console.error(e && e.stack || String(e)); process.exit(2); });
        """;

    [Fact]
    public void Ical_js_reads_the_written_cards_as_they_were_written()
    {
        List<VCard> cards =
        [
            .. SampleCards.Rich(),
            new VCard()
                .Add("FN", "Lunch\r\nEMAIL:attacker@evil.example")
                .AddStructured("N", ["Lunch", "x\nEND:VCARD\nBEGIN:VCARD", "", "", ""])
                .Add("NOTE", "x\nEND:VCARD\nBEGIN:VCARD\nFN:Evil")
                .Add("EMAIL", "real@example.com", parameters: SampleCards.Parameters(("X-LABEL", ["a\"b\nEMAIL:c"]))),
        ];

        var jcards = ParseWithIcalJs(VCardWriter.Write(cards));

        Assert.Equal(cards.Count, jcards.Count);
        for (var i = 0; i < cards.Count; i++)
        {
            var written = cards[i];
            var properties = jcards[i][1].EnumerateArray().ToList();

            // Exactly the written properties, in order: nothing was split off into a property of its own.
            Assert.Equal(["version", .. written.Properties.Select(p => p.Name.ToLowerInvariant())], properties.Select(p => p[0].GetString()));
            Assert.Equal(Normalise(written.FormattedName), Single(properties, "fn")[3].GetString());
            Assert.Equal(Expected(written, "N"), Values(Single(properties, "n")));
            Assert.Equal(
                written.All("EMAIL").Select(e => e.Value),
                properties.Where(p => Name(p) == "email").Select(p => p[3].GetString()));
            Assert.Equal(
                written.All("EMAIL").Select(e => string.Join(",", e.Types)),
                properties.Where(p => Name(p) == "email").Select(p => string.Join(",", ParameterValues(p, "type"))));
            Assert.Equal(Expected(written, "ORG"), Values(Single(properties, "org")));
            Assert.Equal(Expected(written, "NOTE"), Values(Single(properties, "note")));
            Assert.Equal(Expected(written, "CATEGORIES"), Values(Single(properties, "categories")));
        }
        var label = jcards[^1][1].EnumerateArray().Single(p => Name(p) == "email");
        Assert.Equal(["a\"b\nEMAIL:c"], ParameterValues(label, "x-label"));
    }

    private static List<JsonElement> ParseWithIcalJs(string vcard)
    {
        var icalJs = Path.Combine(RepositoryRoot(), "node_modules", "ical.js", "dist", "ical.js");
        Assert.True(File.Exists(icalJs), $"ical.js is missing at {icalJs}; run 'npm ci' in the repository root.");
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add(ParseScript);
        start.Environment["ICALJS_PATH"] = icalJs;

        Process node;
        try
        {
            node = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"This test needs Node.js: 'node' was not found on PATH ({e.Message}). Install it (Debian: apt-get install nodejs).");
            throw;
        }
        using (node)
        {
            var output = node.StandardOutput.ReadToEndAsync();
            var errors = node.StandardError.ReadToEndAsync();
            node.StandardInput.Write(vcard);
            node.StandardInput.Close();
            Assert.True(node.WaitForExit(TimeSpan.FromSeconds(60)), "node did not finish within 60 seconds.");
            Assert.True(node.ExitCode == 0, $"ical.js could not parse the output (exit {node.ExitCode}): {errors.Result}");
            using var json = JsonDocument.Parse(output.Result);
            return json.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Rapport.slnx"))) return dir.FullName;
        }
        Assert.Fail($"No Rapport.slnx above {AppContext.BaseDirectory}; cannot find node_modules.");
        return "";
    }

    private static string? Name(JsonElement property) => property[0].GetString();

    private static JsonElement Single(List<JsonElement> properties, string name) =>
        properties.SingleOrDefault(p => Name(p) == name) is { ValueKind: JsonValueKind.Array } found
            ? found
            : JsonDocument.Parse($"[\"{name}\",{{}},\"text\"]").RootElement;

    /// <summary>The values of a jCard property: [name, params, type, value...]; a structured value is an
    /// array whose items may themselves be arrays (ical.js splits N and ADR components at commas).</summary>
    private static List<string> Values(JsonElement property)
    {
        var values = new List<string>();
        for (var i = 3; i < property.GetArrayLength(); i++) Flatten(property[i], values);
        return values;
    }

    private static void Flatten(JsonElement value, List<string> into)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray()) Flatten(item, into);
        }
        else
        {
            into.Add(value.GetString() ?? "");
        }
    }

    private static List<string> ParameterValues(JsonElement property, string name)
    {
        if (!property[1].TryGetProperty(name, out var value)) return [];
        var values = new List<string>();
        Flatten(value, values);
        return values;
    }

    private static List<string> Expected(VCard card, string name) =>
        card.First(name) is { } property ? property.Components.Select(Normalise).ToList() : [];

    // vCard has one newline escape, so CRLF and CR come back as LF.
    private static string Normalise(string? text) =>
        (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
}

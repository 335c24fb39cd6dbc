using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;

namespace Rapport.IntegrationTests.Infrastructure;

/// <summary>npm's ical.js (installed at the repository root) as an independent iCalendar parser.
/// Without node the calling test fails, never passes unchecked.</summary>
public static class IcalJs
{
    private const string Script = """
        const { pathToFileURL } = require('node:url');
        (async () => {
          const ICAL = (await import(pathToFileURL(process.env.ICALJS_PATH).href)).default;
          const chunks = [];
          for await (const chunk of process.stdin) chunks.push(chunk);
          const calendar = new ICAL.Component(ICAL.parse(Buffer.concat(chunks).toString('utf8')));
          for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
          const events = calendar.getAllSubcomponents('vevent').map(v => {
            const e = new ICAL.Event(v);
            return { uid: e.uid, sequence: e.sequence, summary: e.summary, location: e.location, description: e.description,
                     start: e.startDate.toUnixTime(), end: e.endDate.toUnixTime() };
          });
          process.stdout.write(JSON.stringify(events));
        })().catch(e => { console.error(e && e.stack || String(e)); process.exit(2); });
        """;

    // Reads vCards and prints each as jCard ([ "vcard", [[name, params, type, value...], ...] ]).
    private const string CardScript = """
        const { pathToFileURL } = require('node:url');
        (async () => {
          const ICAL = (await import(pathToFileURL(process.env.ICALJS_PATH).href)).default;
          const chunks = [];
          for await (const chunk of process.stdin) chunks.push(chunk);
          const parsed = ICAL.parse(Buffer.concat(chunks).toString('utf8'));
          process.stdout.write(JSON.stringify(typeof parsed[0] === 'string' ? [parsed] : parsed));
        })().catch(e => { console.error(e && e.stack || String(e)); process.exit(2); });
        """;

    /// <summary>Each card as ical.js reads it: its properties as jCard arrays [name, parameters, value type, value...].</summary>
    public static JsonElement[][] Cards(string vcard) =>
        Run(CardScript, vcard).Select(card => card[1].EnumerateArray().ToArray()).ToArray();

    public static JsonElement[] Events(string calendar) => Run(Script, calendar);

    private static JsonElement[] Run(string script, string input)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Rapport.slnx"))) root = root.Parent;
        var library = Path.Combine(root?.FullName ?? "", "node_modules", "ical.js", "dist", "ical.js");
        Assert.True(File.Exists(library), $"ical.js is not installed at {library}; run npm ci at the repository root.");
        var start = new ProcessStartInfo("node") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add(script);
        start.Environment["ICALJS_PATH"] = library;
        Process node;
        try
        {
            node = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"node is needed to check calendars with ical.js ({e.Message}). Install Node.js.");
            throw;
        }
        using (node)
        {
            node.StandardInput.Write(input);
            node.StandardInput.Close();
            var output = node.StandardOutput.ReadToEnd();
            var errors = node.StandardError.ReadToEnd();
            Assert.True(node.WaitForExit(60_000), "node did not finish.");
            Assert.True(node.ExitCode == 0, "ical.js could not read it: " + errors);
            return JsonDocument.Parse(output).RootElement.EnumerateArray().ToArray();
        }
    }
}

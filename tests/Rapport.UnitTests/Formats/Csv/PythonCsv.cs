using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Rapport.UnitTests.Formats.Csv;

/// <summary>Python 3's csv module as an independent reader, splitting the same file on commas (as written), and on
/// semicolons and tabs (as a spreadsheet told to use those would). Without python3 the test fails, never passes
/// unchecked.</summary>
public sealed class PythonCsv
{
    // Prints, for each separator, the records read and the cells that start with a formula character.
    private const string Script = """
        import csv, io, json, sys
        text = sys.stdin.buffer.read().decode('utf-8-sig')
        out = {}
        for name, separator in (('comma', ','), ('semicolon', ';'), ('tab', '\t')):
            rows = list(csv.reader(io.StringIO(text, newline=''), delimiter=separator))
            out[name] = {'rows': rows, 'formulas': [cell for row in rows for cell in row if cell[:1] in ('=', '+', '-', '@', '\t', '\r')]}
        sys.stdout.write(json.dumps(out))
        """;

    private readonly JsonElement _result;

    private PythonCsv(JsonElement result) => _result = result;

    public IReadOnlyList<string> Formulas(string separator) =>
        _result.GetProperty(separator).GetProperty("formulas").EnumerateArray().Select(c => c.GetString()!).ToList();

    public IReadOnlyList<string[]> Rows(string separator) =>
        _result.GetProperty(separator).GetProperty("rows").EnumerateArray()
            .Select(row => row.EnumerateArray().Select(c => c.GetString()!).ToArray()).ToList();

    public static PythonCsv Read(string csv)
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false), StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        Process python;
        try
        {
            python = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"python3 is needed to check CSV with an independent reader ({e.Message}). Install Python 3.");
            throw;
        }
        using (python)
        {
            var output = python.StandardOutput.ReadToEndAsync();
            var errors = python.StandardError.ReadToEndAsync();
            python.StandardInput.Write(csv);
            python.StandardInput.Close();
            Assert.True(python.WaitForExit(60_000), "python3 did not finish.");
            Assert.True(python.ExitCode == 0, "python3 could not read it: " + errors.Result);
            return new PythonCsv(JsonDocument.Parse(output.Result).RootElement);
        }
    }
}

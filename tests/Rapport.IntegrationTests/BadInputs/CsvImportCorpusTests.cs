using System.IO.Compression;
using System.Text;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.BadInputs;

/// <summary>Every broken or odd CSV of the corpus through LinkedIn import: a correct import, or a
/// message naming the file or line, and nothing changed until the person confirms.</summary>
public class CsvImportCorpusTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    public static TheoryData<string> CsvFiles => Corpus.Files("csv");

    [Theory]
    [MemberData(nameof(CsvFiles))]
    public async Task A_csv_file_imports_correctly_or_is_refused_with_its_line_named(string fixture)
    {
        var user = await _app.SignUpAsync();
        var outcome = await Imports.RunAsync(_app, user, "LinkedIn", Path.GetFileName(fixture), Corpus.File(fixture));
        Expect(Path.GetFileNameWithoutExtension(fixture).Split('-')[0], outcome, fixture);
    }

    private static void Expect(string id, ImportOutcome o, string fixture)
    {
        var refusedAsFile = o.UploadError ?? o.FileError;
        switch (id)
        {
            case "C01": Assert.Equal(["Ada Lovelace", "Grace Hopper"], o.People); break;
            case "C02": Assert.Contains("no connections", refusedAsFile); break;
            case "C03" or "C04": Assert.Contains("empty", refusedAsFile); break;
            case "C05" or "C06" or "C09" or "C14a" or "C14b" or "C16a" or "C17" or "C32a" or "C32b" or "C35": Assert.Contains("Ada Lovelace", o.People); break;
            case "C07": Assert.Equal(["Zoë Müller"], o.People); break;
            case "C10": Assert.Equal(["Grace Hopper"], o.People); break;
            case "C11": Assert.Equal(["Bob \"The Builder\" Jones"], o.People); break;
            case "C16b": Assert.Contains("first 30 lines", refusedAsFile); break;
            case "C15": Assert.Contains("appears twice", refusedAsFile); break;
            case "C18": Assert.Contains("First Name", refusedAsFile); break;
            case "C19": Assert.Equal(["Ada Lovelace"], o.People); break;
            case "C20": Assert.True(o.People.Count == 0 && refusedAsFile is not null, $"{fixture}: only empty rows should say so"); break;
            case "C26": Assert.Contains("=1+1 +1+1", o.People); break;
            case "C27": Assert.Contains("<script>alert(1)</script> \"><img src=x onerror=alert(1)>", o.People); break;
            case "C29":
                Assert.Equal(7, o.People.Count);
                Assert.Equal(5, o.Warnings.Count(w => w.Contains("is not an email address")));
                break;
            case "C39":
                Assert.Equal(["Short Name"], o.People);
                Assert.Equal(["Line 5: the name is longer than 200 characters.", "Line 7: the name is longer than 200 characters."], o.Rejected);
                break;
            case "C36" or "C37": Assert.NotNull(refusedAsFile); break;
            default:
                // The rest may import some lines and reject others; each message was checked to name its line.
                Assert.True(refusedAsFile is not null || o.Rejected.Count > 0 || o.People.Count > 0, $"{fixture}: neither imported nor explained");
                break;
        }
    }

    // Generated here rather than kept as files: large, or ZIPs.
    public static TheoryData<string> Generated => new()
    {
        "generated/30001-rows.csv", "generated/60001-rows.csv", "generated/huge-cell.csv", "generated/10000-columns.csv",
        "generated/export.zip", "generated/zip-slip.zip", "generated/zip-bomb.zip", "generated/nested.zip", "generated/damaged.zip",
    };

    [Theory]
    [MemberData(nameof(Generated))]
    public async Task A_large_or_zipped_upload_imports_within_limits_or_says_why(string fixture)
    {
        var user = await _app.SignUpAsync();
        var name = Path.GetFileName(fixture);
        var before = DataFolderFiles.Count(_app.Database.DataDirectory);
        var outcome = await Imports.RunAsync(_app, user, "LinkedIn", name, Make(name));
        switch (name)
        {
            case "30001-rows.csv": Assert.Equal(30_001, outcome.People.Count); break;
            case "60001-rows.csv": Assert.Contains("more than 60,000 rows", outcome.UploadError); break;
            case "huge-cell.csv": Assert.Contains(outcome.Rejected.Concat([outcome.UploadError ?? ""]), m => m.Contains("Line 5") || m.Contains("long")); break;
            case "10000-columns.csv": Assert.Contains("Line 5", string.Join("\n", outcome.Rejected)); break;
            case "export.zip" or "zip-slip.zip": Assert.Equal(["Ada Lovelace"], outcome.People); break;
            case "zip-bomb.zip": Assert.Contains("larger than 25 MB", outcome.UploadError); break;
            case "nested.zip": Assert.Contains("no Connections.csv", outcome.UploadError); break;
            case "damaged.zip": Assert.NotNull(outcome.UploadError); break;
        }
        // A ZIP is read in memory: nothing of it lands in the data folder, whatever its entries are called.
        Assert.Equal(before, DataFolderFiles.Count(_app.Database.DataDirectory));
    }

    private const string Ada = "Ada,Lovelace,https://www.linkedin.com/in/ada/,,Analytical Engines,Mathematician,15 Mar 2024";

    private static byte[] Make(string name) => name switch
    {
        "30001-rows.csv" => Uploads.ConnectionsCsv([.. Enumerable.Range(1, 30_001).Select(i => $"First{i},Last{i},https://www.linkedin.com/in/p{i},,Org {i % 500},Role,1 Jan 2026")]),
        "60001-rows.csv" => Uploads.ConnectionsCsv([.. Enumerable.Range(1, 60_001).Select(i => $"F{i},L{i},,,,,")]),
        "huge-cell.csv" => Uploads.ConnectionsCsv($"Big,Cell,,,{new string('x', 5 * 1024 * 1024)},,", Ada),
        "10000-columns.csv" => Uploads.ConnectionsCsv(string.Join(',', Enumerable.Repeat("c", 10_000)), Ada),
        "export.zip" => Zip(("Basic_LinkedInDataExport_11-27-2026/Connections.csv", Uploads.ConnectionsCsv(Ada)), ("Profile.csv", "x"u8.ToArray())),
        "zip-slip.zip" => Zip(("../../../../tmp/evil.csv", "=1+1"u8.ToArray()), ("..\\..\\Connections.csv", Uploads.ConnectionsCsv(Ada))),
        "zip-bomb.zip" => Bomb(),
        "nested.zip" => Zip(("inner.zip", Zip(("Connections.csv", Uploads.ConnectionsCsv(Ada))))),
        "damaged.zip" => [.. Zip(("Connections.csv", Uploads.ConnectionsCsv(Ada))).Take(60)],
        _ => throw new ArgumentException(name),
    };

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (entryName, content) in entries)
            {
                using var stream = archive.CreateEntry(entryName, CompressionLevel.Fastest).Open();
                stream.Write(content);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>A Connections.csv that unpacks to 200 MB from well under 1 MB.</summary>
    private static byte[] Bomb()
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var stream = archive.CreateEntry("Connections.csv", CompressionLevel.SmallestSize).Open();
            stream.Write(Uploads.ConnectionsCsv(Ada));
            var zeros = new byte[1024 * 1024];
            Array.Fill(zeros, (byte)',');
            for (var i = 0; i < 200; i++) stream.Write(zeros);
        }
        return buffer.ToArray();
    }
}

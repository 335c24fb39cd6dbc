using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.BadInputs;

/// <summary>Every broken or odd vCard of the corpus through vCard import.</summary>
public class VCardImportCorpusTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    public static TheoryData<string> VCardFiles => Corpus.Files("vcard");

    [Theory]
    [MemberData(nameof(VCardFiles))]
    public async Task A_vcard_file_imports_correctly_or_is_refused_with_its_line_named(string fixture)
    {
        var user = await _app.SignUpAsync();
        var o = await Imports.RunAsync(_app, user, "VCard", Path.GetFileName(fixture), Corpus.File(fixture));
        var refusedAsFile = o.UploadError ?? o.FileError;
        switch (Path.GetFileNameWithoutExtension(fixture).Split('-')[0])
        {
            case "V01a": Assert.Equal(["Ada Lovelace"], o.People); break;
            case "V01b": Assert.Equal(["Grace Hopper"], o.People); break;
            case "V02": Assert.Equal(["Ігор Загорскі"], o.People); break;
            case "V03": Assert.Equal(["Zoë Saldaña"], o.People); break;
            case "V04c": Assert.Equal(["Lower Case"], o.People); break;
            case "V07": Assert.Equal(["Esc Apes"], o.People); break;
            case "V11a": Assert.Equal(["Jürgen Müller"], o.People); break;
            case "V11b": Assert.Equal(["Wide Text"], o.People); break;
            case "V14": Assert.Contains("\"><img src=x onerror=alert(1)> <svg onload=alert(1)>", o.People); break;
            case "V15a": Assert.Contains("iCalendar", refusedAsFile); break;
            case "V15b": Assert.Contains("empty", refusedAsFile); break;
            case "V15c": Assert.Contains("binary", refusedAsFile); break;
            case "V16": Assert.True(o.UploadError is not null || o.Rejected.Any(m => m.Contains("NUL")), "a NUL is refused"); Assert.Empty(o.People); break;
            case "V17": Assert.Equal(["Twin 0"], o.People); Assert.Contains(o.Rejected, m => m.Contains("same UID")); break;
            default:
                Assert.True(refusedAsFile is not null || o.Rejected.Count > 0 || o.People.Count > 0, $"{fixture}: neither imported nor explained");
                break;
        }
    }
}

using System.Runtime.CompilerServices;
using System.Text;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Web;

/// <summary>The files the catalogue's uploads carry.</summary>
public static class SampleFiles
{
    public const string VCard = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Person;Planted;;;\r\nFN:Planted Person\r\nCATEGORIES:planted\r\nEND:VCARD\r\n";

    private static readonly ConditionalWeakTable<RapportApp, Task<byte[]>> Exports = [];

    public static Task<byte[]> ContentAsync(RapportApp app, SampleFile file) => file switch
    {
        SampleFile.ConnectionsCsv => Task.FromResult(Uploads.ConnectionsCsv("Planted,Person,https://www.linkedin.com/in/planted-person,,Planted Org,Analyst,01 Nov 2026")),
        SampleFile.VCard => Task.FromResult(Encoding.UTF8.GetBytes(VCard)),
        // One lived-in account per app, exported once: every restore of the sweep takes the same file.
        _ => Exports.GetValue(app, ExportAsync),
    };

    private static async Task<byte[]> ExportAsync(RapportApp app)
    {
        var person = await app.SignUpAsync("Exported");
        await RichAccount.SeedAsync(app, person.Id);
        var response = await person.Client.GetAsync("/import/restore?handler=Export");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }
}

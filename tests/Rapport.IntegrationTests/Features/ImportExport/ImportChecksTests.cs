using System.Text;
using Microsoft.EntityFrameworkCore;
using Rapport.IntegrationTests.BadInputs;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.ImportExport;

/// <summary>Imports meet the contact's own checks, line by line: a value its form refuses is cleaned with a
/// warning where the file format invites it (a LinkedIn address that is not one, a date LinkedIn could not
/// mean), and otherwise refuses its line, which blocks the import until the person leaves it out.</summary>
public class ImportChecksTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    [Fact]
    public async Task A_linkedin_row_with_a_script_address_or_a_date_in_the_year_9999_is_imported_without_them_and_says_so()
    {
        var user = await _app.SignUpAsync();
        var csv = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
            + "Ada,Script,javascript:alert(1),,,,15 Mar 2024\r\n"
            + "Grace,Future,https://www.linkedin.com/in/grace,,,,9999-12-31\r\n";
        var outcome = await Imports.RunAsync(_app, user, "LinkedIn", "Connections.csv", Encoding.UTF8.GetBytes(csv));

        Assert.Equal(["Ada Script", "Grace Future"], outcome.People);
        Assert.Contains(outcome.Warnings, w => w.StartsWith("Line 2:", StringComparison.Ordinal) && w.Contains("not a LinkedIn profile address", StringComparison.Ordinal));
        Assert.Contains(outcome.Warnings, w => w.StartsWith("Line 3:", StringComparison.Ordinal) && w.Contains("outside the years 1900 to 2200", StringComparison.Ordinal));
        var stored = await _app.WithDbAsync(user.Id, db => db.Contacts.OrderBy(c => c.Id).Select(c => new { c.LinkedInUrl, c.ConnectedOn }).ToListAsync());
        Assert.Null(stored[0].LinkedInUrl);
        Assert.Equal(new DateOnly(2024, 3, 15), stored[0].ConnectedOn);
        Assert.Equal("https://www.linkedin.com/in/grace", stored[1].LinkedInUrl);
        Assert.Null(stored[1].ConnectedOn);
    }

    [Fact]
    public async Task A_vcard_with_a_date_its_form_refuses_is_refused_by_line_and_a_script_link_is_left_out()
    {
        var user = await _app.SignUpAsync();
        var vcf = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ada Script\r\nN:Script;Ada;;;\r\nURL;TYPE=linkedin:javascript:alert(1)\r\nEND:VCARD\r\n"
            + "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Grace Future\r\nN:Future;Grace;;;\r\nX-RAPPORT-LAST-CONTACT:9999-12-31\r\nEND:VCARD\r\n";
        var outcome = await Imports.RunAsync(_app, user, "VCard", "contacts.vcf", Encoding.UTF8.GetBytes(vcf));

        var rejected = Assert.Single(outcome.Rejected);
        Assert.StartsWith("Line 7:", rejected);
        Assert.Contains("outside the years 1900 to 2200", rejected);
        Assert.Equal(["Ada Script"], outcome.People);
        Assert.Null(await _app.WithDbAsync(user.Id, db => db.Contacts.Select(c => c.LinkedInUrl).SingleAsync()));
    }
}

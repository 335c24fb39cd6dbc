using System.Text;
using Microsoft.EntityFrameworkCore;
using Rapport.Domain;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.ImportExport;

/// <summary>Taking everything out: the whole network as CSV or vCard, written part by part.</summary>
public class ExportTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    // More than two of the parts the export reads at a time, so the seams between parts are crossed.
    private const int People = 1_203;

    private async Task<SignedInUser> UserWithManyPeopleAsync()
    {
        var user = await _app.SignUpAsync();
        await _app.WithDbAsync(user.Id, async db =>
        {
            for (var i = 0; i < People; i++)
            {
                // Pairs with the same name, so the order also rests on the id where names tie.
                var contact = new Contact { FirstName = "Person", LastName = $"Number {i / 2:0000}", Title = i == 7 ? "=HYPERLINK(\"x\")" : null };
                contact.RefreshSearch(null);
                db.Contacts.Add(contact);
            }
            await db.SaveChangesAsync();
            return 0;
        });
        return user;
    }

    [Fact]
    public async Task The_csv_export_holds_every_person_once_in_name_order_and_nobody_elses()
    {
        var other = await _app.SignUpAsync();
        await _app.AddContactAsync(other.Id, "Not", "Mine");
        var user = await UserWithManyPeopleAsync();

        var response = await user.Client.GetAsync("/import?handler=ContactsCsv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("rapport-contacts.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFFFirst Name,Last Name,", text);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1..];
        Assert.Equal(People, lines.Length);
        Assert.DoesNotContain(lines, l => l.Contains("Mine"));
        var expected = await _app.WithDbAsync(user.Id, db => db.Contacts.OrderBy(c => c.SearchKey).ThenBy(c => c.Id).Select(c => c.LastName).ToListAsync());
        Assert.Equal(expected, lines.Select(l => l.Split(',')[1]));
        Assert.Contains(lines, l => l.Contains("'=HYPERLINK"));
    }

    [Fact]
    public async Task The_vcard_export_holds_one_card_for_every_person()
    {
        var user = await UserWithManyPeopleAsync();
        var response = await user.Client.GetAsync("/import?handler=ContactsVCard");
        Assert.Equal("text/vcard", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(People, text.Split("BEGIN:VCARD\r\n").Length - 1);
        Assert.Equal(People, text.Split("END:VCARD\r\n").Length - 1);
        var uids = text.Split("\r\n").Where(l => l.StartsWith("UID:", StringComparison.Ordinal)).ToList();
        Assert.Equal(People, uids.Distinct().Count());
    }
}

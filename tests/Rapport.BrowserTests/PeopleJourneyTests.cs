using System.Text;
using Microsoft.Playwright;
using Rapport.BrowserTests.Pages;
using Rapport.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests;

/// <summary>Steps 1 and 2 in a real browser: import LinkedIn connections, search, filter, open a person, export.</summary>
public class PeopleJourneyTests
{
    [Fact]
    public async Task A_person_imports_connections_searches_filters_opens_one_and_exports()
    {
        await using var session = await BrowserSession.StartAsync(completeSetup: true);
        var app = new RapportPages(session);
        var page = session.Page;
        await session.GoAsync("/account/sign-in");
        await app.SignInAsync(RapportApp.OwnerEmail, RapportApp.OwnerPassword);

        var file = Path.Combine(Path.GetTempPath(), $"Connections-{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(file, Uploads.ConnectionsCsv(
            "Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,,Analytical Engines,Mathematician,15 Mar 2024",
            "Grace,Hopper,https://www.linkedin.com/in/gracehopper,grace@example.org,US Navy,Rear Admiral,07 Dec 2025",
            "Katherine,Johnson,https://www.linkedin.com/in/kjohnson,,NASA,Mathematician,2 Feb 2026"));
        try
        {
            await app.ImportLinkedInAsync(file);
        }
        finally
        {
            File.Delete(file);
        }
        await Expect(page.Locator(".stats article").First).ToContainTextAsync("3");
        await session.ScreenshotAsync("10-import-preview");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import 3 people" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("3 people added or updated");
        await Expect(page.Locator(".contact-list a.name")).ToHaveCountAsync(3);

        await app.SearchPeopleAsync("mathematician");
        await Expect(page.Locator(".contact-list a.name")).ToHaveTextAsync(["Ada Lovelace", "Katherine Johnson"]);
        await page.GetByText("Filters and sorting").ClickAsync();
        await page.Locator("select[name=org]").SelectOptionAsync(new SelectOptionValue { Label = "NASA" });
        await Expect(page.Locator(".contact-list a.name")).ToHaveTextAsync(["Katherine Johnson"]);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("org=\\d+"));
        await session.ScreenshotAsync("11-people-filtered");

        await page.Locator(".contact-list a.name").First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Katherine Johnson");
        await Expect(page.Locator(".timeline")).ToContainTextAsync("Imported from LinkedIn");
        await session.ScreenshotAsync("12-contact");

        await page.GetByText("More", new() { Exact = true }).ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByText("Export as vCard").ClickAsync());
        Assert.Equal("katherine-johnson.vcf", download.SuggestedFilename);
        var card = await File.ReadAllTextAsync((await download.PathAsync())!, Encoding.UTF8);
        Assert.Contains("FN:Katherine Johnson", card);
        Assert.Contains("ORG:NASA", card);

        await session.GoAsync("/import");
        var csv = await page.RunAndWaitForDownloadAsync(() => page.GetByText("Contacts as CSV").ClickAsync());
        var text = await File.ReadAllTextAsync((await csv.PathAsync())!, Encoding.UTF8);
        Assert.Equal(4, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Empty(session.Problems);
    }
}

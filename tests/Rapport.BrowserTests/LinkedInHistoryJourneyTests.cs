using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Rapport.BrowserTests.Pages;
using Rapport.Domain;
using Rapport.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests;

/// <summary>LinkedIn's full export in a real browser: the preview of the history reads well at a desk and on a phone,
/// passes axe, and importing puts the messages on the person's timeline.</summary>
public class LinkedInHistoryJourneyTests
{
    private const string Me = "https://www.linkedin.com/in/sam-student";

    private static byte[] Export()
    {
        var files = new Dictionary<string, string>
        {
            ["Connections.csv"] = "Notes:\r\n\"Some emails may be missing.\"\r\n\r\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
                + "Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,,Analytical Engines,Mathematician,15 Mar 2024\r\n"
                + "Zoë,Saldaña,https://www.linkedin.com/in/zoe-s,,Harbor Museum,Exhibit designer,1 Jan 2026\r\n",
            ["Invitations.csv"] = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\r\n"
                + $"Sam Student,Ada Lovelace,\"11/20/25, 9:05 AM\",\"Hi Ada,\nI loved your talk.\",OUTGOING,{Me},https://uk.linkedin.com/in/ada-lovelace/\r\n",
            ["messages.csv"] = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\r\n"
                + $"t1,,Sam Student,{Me},Ada Lovelace,https://www.linkedin.com/in/ada-lovelace,2025-12-01 09:10:00 UTC,,Could we talk?,INBOX\r\n"
                + $"t1,,Ada Lovelace,https://www.linkedin.com/in/ada-lovelace,Sam Student,{Me},2025-12-02 14:00:00 UTC,,Gladly: Thursday?,INBOX\r\n"
                + $"t2,,ZoÃ« SaldaÃ±a,https://www.linkedin.com/in/ACoAAB123,Sam Student,{Me},2025-12-03 08:00:00 UTC,,Hola,INBOX\r\n"
                + $"t3,,Alan Turing,https://www.linkedin.com/in/alan-turing,Sam Student,{Me},2025-12-04 08:00:00 UTC,,Hello,INBOX\r\n",
        };
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in files)
            {
                using var entry = archive.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(text));
            }
        }
        return buffer.ToArray();
    }

    [Fact]
    public async Task The_history_preview_reads_well_at_desk_and_phone_widths_and_imports_onto_the_timeline()
    {
        await using var session = await BrowserSession.StartAsync(completeSetup: true);
        var app = new RapportPages(session);
        var page = session.Page;
        await session.Context.AddInitScriptAsync(await File.ReadAllTextAsync(AccessibilitySweepTests.AxePath()));
        await session.GoAsync("/account/sign-in");
        await app.SignInAsync(RapportApp.OwnerEmail, RapportApp.OwnerPassword);

        var file = Path.Combine(Path.GetTempPath(), $"Complete_LinkedInDataExport_{Guid.NewGuid():N}.zip");
        await File.WriteAllBytesAsync(file, Export());
        try
        {
            await session.GoAsync("/import");
            await page.Locator("form[action*='handler=LinkedIn'] input[type=file]").SetInputFilesAsync(file);
            await page.Locator("form[action*='handler=LinkedIn'] button[type=submit]").ClickAsync();
        }
        finally
        {
            File.Delete(file);
        }

        await Expect(page.Locator(".history-preview")).ToContainTextAsync("4 messages for 2 people");
        await Expect(page.Locator(".unmatched li")).ToHaveTextAsync(["Alan Turing (https://www.linkedin.com/in/alan-turing): 1 message"]);
        await Expect(page.GetByLabel("Also import the LinkedIn history (4 messages)")).ToBeCheckedAsync();
        foreach (var width in new[] { 1280, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.Locator("main").ScreenshotAsync(new() { Path = BrowserSession.ShotPath($"import-history-preview-{width}.png") });
            Assert.Empty(await page.EvaluateAsync<string[]>(AccessibilitySweepTests.RunAxe));
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Import 2 people and 4 messages" }).ClickAsync();
        await Expect(page.Locator("[role=status], .status").First).ToContainTextAsync("4 messages from the LinkedIn history");
        var ada = await session.App.WithDbAsync(null, db => db.Contacts.IgnoreQueryFilters().Where(c => c.FirstName == "Ada").Select(c => c.Id).SingleAsync());
        await session.GoAsync($"/people/{ada}");
        await Expect(page.Locator("main")).ToContainTextAsync("Replied on LinkedIn: Gladly: Thursday?");
        await Expect(page.Locator("main")).ToContainTextAsync("I loved your talk.");
        await page.Locator("main").ScreenshotAsync(new() { Path = BrowserSession.ShotPath("import-history-timeline.png") });
    }
}

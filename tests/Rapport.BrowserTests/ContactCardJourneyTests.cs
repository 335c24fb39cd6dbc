using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Rapport.BrowserTests.Pages;
using Rapport.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests;

/// <summary>A phone's address book in a real browser: photos, tel: numbers and names with letters like "Ł" come in and
/// show as they should, and adding someone who is already there warns before making a second of them.</summary>
public class ContactCardJourneyTests
{
    // A 32×32 PNG: a face-like picture, so the avatar is seen to be the photo.
    private const string Face = "iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAIAAAD8GO2jAAAASUlEQVR42mM48fADTRHDqAWjFtDNgg8nFmAiqlmA1XQi7WCgxHRi7Bi1YNQCelhA83xAj5w8WppiIpu8VeShUQtGLRi1YHhaAABy9z+GXCf9yQAAAABJRU5ErkJggg==";

    [Fact]
    public async Task A_phone_export_brings_photos_and_tel_numbers_search_folds_letters_and_a_duplicate_is_caught_on_the_form()
    {
        await using var session = await BrowserSession.StartAsync(completeSetup: true);
        var app = new RapportPages(session);
        var page = session.Page;
        await session.GoAsync("/account/sign-in");
        await app.SignInAsync(RapportApp.OwnerEmail, RapportApp.OwnerPassword);

        var cards = string.Join("\r\n",
            "BEGIN:VCARD", "VERSION:4.0", "FN:Łukasz Nowak", "N:Nowak;Łukasz;;;", "ORG:Ørsted", "TITLE:Rear Admiral\\nUS Navy", "TEL;VALUE=uri;TYPE=work:tel:+81-3-5555-0101",
            "PHOTO:data:image/png;base64," + Face, "END:VCARD",
            "BEGIN:VCARD", "VERSION:3.0", "FN:Ada Lovelace", "N:Lovelace;Ada;;;", "EMAIL:ada@example.com", "END:VCARD",
            "BEGIN:VCARD", "VERSION:3.0", "FN:Lars Large", "N:Large;Lars;;;",
            "PHOTO;ENCODING=b;TYPE=JPEG:" + Convert.ToBase64String(TestImages.Jpeg(600 * 1024)), "END:VCARD", "");
        var file = Path.Combine(Path.GetTempPath(), $"phone-{Guid.NewGuid():N}.vcf");
        await File.WriteAllTextAsync(file, cards, new UTF8Encoding(false));
        try
        {
            await session.GoAsync("/import");
            await page.Locator("form[action*='handler=VCard'] input[type=file]").SetInputFilesAsync(file);
            await page.Locator("form[action*='handler=VCard'] button[type=submit]").ClickAsync();
        }
        finally
        {
            File.Delete(file);
        }
        // The photo that is too large is named before anything is saved.
        await page.GetByText("1 note on lines that will be imported").ClickAsync();
        await Expect(page.Locator("details li")).ToContainTextAsync(["the photo of Lars Large is larger than 512 KB (600 KB), so it is not kept."]);
        await page.Locator("main").ScreenshotAsync(new() { Path = BrowserSession.ShotPath("people-20-preview.png") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import 3 people" }).ClickAsync();

        // The list shows the photo, and initials for the others.
        await Expect(page.Locator(".contact-list img.avatar")).ToHaveCountAsync(1);
        await Expect(page.Locator(".contact-list span.avatar")).ToHaveTextAsync(["AL", "LL"]);
        // Waited for, not read once: the photo loads lazily, after the list is shown (a busy CI machine read it too soon).
        await page.WaitForFunctionAsync("() => { const img = document.querySelector('.contact-list img.avatar'); return img && img.complete && img.naturalWidth === 32; }",
            null, new() { Timeout = 10_000 });
        await page.Locator("main").ScreenshotAsync(new() { Path = BrowserSession.ShotPath("people-20-list.png") });

        // "lukasz orsted" finds Łukasz Nowak of Ørsted.
        await app.SearchPeopleAsync("lukasz orsted");
        await Expect(page.Locator(".contact-list a.name")).ToHaveTextAsync(["Łukasz Nowak"]);
        await page.Locator("main").ScreenshotAsync(new() { Path = BrowserSession.ShotPath("people-21-search.png") });

        // The tel: URI is stored as the number and linked once.
        await page.Locator(".contact-list a.name").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Łukasz Nowak");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "+81-3-5555-0101" })).ToHaveAttributeAsync("href", "tel:+81-3-5555-0101");
        await page.Locator("main").ScreenshotAsync(new() { Path = BrowserSession.ShotPath("people-19-20-contact.png") });

        // Saving another field in the browser leaves the two-line title as it was.
        await session.GoAsync(new Uri(page.Url).AbsolutePath + "/edit");
        await page.GetByLabel("City").FillAsync("Tokyo");
        await page.Locator("#contact-form button[type=submit]").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Łukasz Nowak is saved.");
        var title = await session.App.WithDbAsync(null, db => db.Contacts.IgnoreQueryFilters().Where(c => c.City == "Tokyo").Select(c => c.Title).SingleAsync());
        Assert.Equal("Rear Admiral\nUS Navy", title);
        await page.Locator("main").ScreenshotAsync(new() { Path = BrowserSession.ShotPath("people-4-saved.png") });

        // Adding Ada again: the form warns, links to her, and saves a second only when asked to.
        await session.GoAsync("/people/new");
        await app.FillContactAsync("Ada", "Lovelace", email: "ADA@example.com");
        await app.SubmitContactAsync();
        var warning = page.Locator("#already-there");
        await Expect(warning).ToContainTextAsync("the same email address (ada@example.com)");
        await Expect(warning.GetByRole(AriaRole.Link, new() { Name = "Ada Lovelace" })).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"^/people/\d+$"));
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/people/new$"));
        await page.Locator("main").ScreenshotAsync(new() { Path = BrowserSession.ShotPath("people-11-warning.png") });
        await warning.GetByRole(AriaRole.Button, new() { Name = "Save anyway" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Ada Lovelace is added.");
        await session.GoAsync("/people?q=ada");
        await Expect(page.Locator(".contact-list a.name")).ToHaveTextAsync(["Ada Lovelace", "Ada Lovelace"]);
        Assert.Empty(session.Problems);
    }
}

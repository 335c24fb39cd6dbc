using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Rapport.BrowserTests.Pages;
using Rapport.IntegrationTests.BadInputs;
using Rapport.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Rapport.BrowserTests;

/// <summary>Script payloads stored in every field of every kind of thing, then every view opened in
/// a real browser: no dialog, no script error and no Content-Security-Policy violation. Then signing
/// out leaves nothing about anyone in the browser, and Back shows the sign-in page.</summary>
public class ScriptPayloadSweepTests
{
    private static readonly string[] Payloads =
    [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "javascript:alert(1)",
        "{{7*7}}",
        "<svg onload=alert(1)>",
        "'-alert(1)-'",
        "[x](javascript:alert(1))",
        "<div hx-get=\"/account/profile\" hx-trigger=\"load\" hx-target=\"body\">",
    ];

    // Runs before any page script: records every CSP violation where the test can read it.
    private const string WatchPolicy = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', function (e) {
          window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || ''));
        });
        """;

    [Fact]
    public async Task Every_view_shows_stored_script_payloads_as_text_and_signing_out_leaves_nothing_behind()
    {
        await using var session = await BrowserSession.StartAsync(completeSetup: true);
        var app = session.App;
        var page = session.Page;
        await session.Context.AddInitScriptAsync(WatchPolicy);
        var ownerId = await app.WithDbAsync(null, db => db.Users.Select(u => u.Id).SingleAsync());
        var client = app.CreateAppClient();
        var signIn = await client.SubmitAsync(await client.GetPageAsync("/account/sign-in"), "main form",
            new() { ["Input.Email"] = RapportApp.OwnerEmail, ["Input.Password"] = RapportApp.OwnerPassword });
        Assert.True(Corpus.IsRedirect(signIn));
        var views = new List<string>();
        foreach (var payload in Payloads)
            views.AddRange(await PayloadEverywhere.StoreAsync(app, client, ownerId, payload, payload));
        var names = await app.WithDbAsync(ownerId, db => db.Contacts.Select(c => c.FirstName).ToListAsync());
        await app.AddContactAsync(ownerId, "Hypatia", "Alexandria", "Serapeum");

        await session.GoAsync("/account/sign-in");
        await new RapportPages(session).SignInAsync(RapportApp.OwnerEmail, RapportApp.OwnerPassword);
        await Expect(page).ToHaveURLAsync(session.BaseUrl + "/");

        var problems = new List<string>();
        foreach (var view in views.Distinct())
        {
            var response = await page.GotoAsync(session.BaseUrl + view, new() { WaitUntil = WaitUntilState.Load });
            Assert.True(response is not null && response.Status < 500, $"{view} answered {response?.Status}");
            // Let htmx and anything a payload might have added run.
            await page.WaitForTimeoutAsync(50);
            var violations = await page.EvaluateAsync<string[]>("() => window.__cspViolations || []");
            problems.AddRange(violations.Select(v => $"{view}: CSP violation {v}"));
            if (await page.EvaluateAsync<bool>("() => !!document.querySelector('body [onerror], body [onload], svg[onload], iframe, base')"))
                problems.Add($"{view}: an element a payload would add is in the page");
            var cacheControl = await response!.HeaderValueAsync("cache-control");
            Assert.True(cacheControl?.Contains("no-store") == true, $"{view} may be cached: {cacheControl}");
        }
        problems.AddRange(session.Problems);
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        // Type a note on the phone page (kept in the browser until sent), then sign out.
        var hold = views.First(v => v.EndsWith("/hold", StringComparison.Ordinal));
        await session.GoAsync(hold);
        await page.Locator("#free-notes").FillAsync("Hypatia Alexandria said the Serapeum hires in spring");
        await new RapportPages(session).SignOutAsync();
        var storage = await page.EvaluateAsync<string>("""
            async () => {
              const parts = [JSON.stringify(Object.entries(localStorage)), JSON.stringify(Object.entries(sessionStorage))];
              if (indexedDB.databases) parts.push(JSON.stringify(await indexedDB.databases()));
              if (window.caches) {
                for (const name of await caches.keys()) {
                  const cache = await caches.open(name);
                  for (const request of await cache.keys()) parts.push(request.url + ' ' + await (await cache.match(request)).text());
                }
              }
              return parts.join('\n');
            }
            """);
        foreach (var name in names.Append("Hypatia").Append("Serapeum"))
            Assert.DoesNotContain(name, storage);

        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/sign-in"));
        Assert.DoesNotContain("Hypatia", await page.ContentAsync());
        await session.GoAsync(hold);
        await Expect(page).ToHaveURLAsync(new Regex("/account/sign-in"));
    }
}

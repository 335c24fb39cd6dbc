using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Rapport.BrowserTests.Pages;
using Rapport.IntegrationTests.BadInputs;
using Rapport.IntegrationTests.Infrastructure;
using Rapport.IntegrationTests.Web;
using Xunit.Abstractions;

namespace Rapport.BrowserTests;

/// <summary>axe-core's WCAG 2.2 AA rules on every page the app shows, at a desk (1280 px) and on a phone
/// (390 px): signed out, as the demo account (in the light and the dark theme), and as an account with every kind of row and a script payload
/// in every field. Any serious or critical violation fails, named by page, width, rule and element.
/// The pages come from the access catalogue, so a new page is swept as soon as it is listed there.</summary>
public class AccessibilitySweepTests(ITestOutputHelper output)
{
    private static readonly int[] Widths = [1280, 390];

    internal const string RunAxe = """
        async () => {
          const result = await axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
            resultTypes: ['violations'],
          });
          const found = [];
          for (const rule of result.violations) {
            for (const node of rule.nodes) {
              const impact = node.impact || rule.impact;
              if (impact !== 'serious' && impact !== 'critical') continue;
              found.push(rule.id + ' (' + impact + '): ' + rule.help + ' | ' + node.target.join(' ') + ' | ' + node.html.slice(0, 160)
                + ' | ' + (node.failureSummary || '').replace(/\s+/g, ' ').slice(0, 240));
            }
          }
          return found;
        }
        """;

    /// <summary>Catalogue pages that are no page to look at: files, feeds, pictures, fragments for scripts, health probes' plain text.</summary>
    private static bool IsDocumentPage(Access access) =>
        access.Verb == "GET" && access.Handler is null
        && !access.Path.Contains(".ics", StringComparison.Ordinal) && !access.Path.Contains("/export/", StringComparison.Ordinal)
        && !access.Path.StartsWith("/healthz", StringComparison.Ordinal)
        && access.Path is not ("/people/suggest" or "/people/{Contact}/photo" or "/error/{code:int?}" or "/account/setup");

    [Fact]
    public async Task Every_page_meets_WCAG_2_2_AA_at_desk_and_phone_widths()
    {
        var clock = Stopwatch.StartNew();
        await using var session = await BrowserSession.StartAsync(new() { ["Demo:Enabled"] = "true" });
        var app = session.App;
        var page = session.Page;
        // Evaluated by the browser itself, so the app's Content-Security-Policy does not apply to it.
        await session.Context.AddInitScriptAsync(await File.ReadAllTextAsync(AxePath()));
        var problems = new List<string>();
        var swept = 0;

        async Task SweepAsync(string who, string path)
        {
            var response = await page.GotoAsync(session.BaseUrl + path);
            if (response is null || response.Status >= 400)
            {
                problems.Add($"{who} {path}: answered {response?.Status}");
                return;
            }
            // Whatever htmx loads by itself is part of the page.
            await page.WaitForFunctionAsync("() => !document.querySelector('.htmx-request')");
            foreach (var width in Widths)
            {
                await page.SetViewportSizeAsync(width, 900);
                var found = await page.EvaluateAsync<string[]>(RunAxe);
                problems.AddRange(found.Select(f => $"{who} {path} at {width}px: {f}"));
                swept++;
            }
        }

        // The check can fail: a button without a name, added to a page, is reported.
        await page.GotoAsync(session.BaseUrl + "/about");
        await page.EvaluateAsync("() => document.querySelector('main').insertAdjacentHTML('beforeend', '<button id=nameless></button>')");
        Assert.Contains(await page.EvaluateAsync<string[]>(RunAxe), f => f.StartsWith("button-name", StringComparison.Ordinal) && f.Contains("#nameless", StringComparison.Ordinal));

        foreach (var path in new[] { "/account/sign-in", "/account/register", "/about", "/error/404" })
            await SweepAsync("signed out", path);

        // The demo account, as a newcomer first sees it.
        var pages = new RapportPages(session);
        await session.GoAsync("/account/sign-in");
        await pages.SignInAsync(Rapport.Data.DemoOptions.Email, Rapport.Data.DemoOptions.Password);
        await page.WaitForURLAsync(session.BaseUrl + "/");
        var demoIds = await DemoIdsAsync(app);
        // The warm paths found, a choice of organizations, and none found: the search page's three answers.
        foreach (var path in CataloguePages(demoIds).Concat(["/warm-paths?at=greenfield+energy", "/warm-paths?at=a", "/warm-paths?at=nowhere"]))
            await SweepAsync("demo", path);
        // The same pages in the dark theme (as a device set to dark shows them; a chosen dark uses the same colours).
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        foreach (var path in CataloguePages(demoIds))
            await SweepAsync("demo dark", path);
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await SignOutAsync(session);

        // A second account: every kind of row, and a script payload in every field (the backup page is the install owner's, the demo's).
        var owner = await app.SignUpAsync("Payload Person");
        var ownerIds = await app.AddEveryKindAsync(owner);
        var views = await PayloadEverywhere.StoreAsync(app, owner.Client, owner.Id, "\"><img src=x onerror=alert(1)> <script>alert(1)</script>", "a11y");
        await session.GoAsync("/account/sign-in");
        await pages.SignInAsync(owner.Email, owner.Password);
        await page.WaitForURLAsync(session.BaseUrl + "/");
        foreach (var path in CataloguePages(ownerIds).Where(p => p != "/admin/backup").Concat(views).Distinct())
            await SweepAsync("payload", path);

        output.WriteLine($"{swept} checks in {clock.Elapsed.TotalSeconds:F0} s");
        Assert.True(problems.Count == 0, $"{problems.Count} serious or critical accessibility violations (page at width: rule (impact): help | element | html | fix):\n"
            + string.Join("\n", problems));
    }

    /// <summary>Every page of the catalogue with the given ids; a page needing a kind of row the account lacks is left to the other account.</summary>
    private static IEnumerable<string> CataloguePages(OwnedIds ids)
    {
        foreach (var access in AccessCatalogue.All.Where(IsDocumentPage))
        {
            if (access.AllSlots.Any(s => !ids.Ids.ContainsKey(s.Kind))) continue;
            var path = access.Path;
            foreach (var slot in access.AllSlots.Where(s => s.Place == Place.Route))
                path = path.Replace("{" + slot.Name + "}", ids[slot.Kind], StringComparison.Ordinal);
            var query = access.Slots.Where(s => s.Place is Place.Query or Place.Form)
                .Select(s => s.Name + "=" + Uri.EscapeDataString(string.Format(CultureInfo.InvariantCulture, s.Format, ids[s.Kind])));
            yield return path + (query.Any() ? "?" + string.Join("&", query) : "");
        }
    }

    /// <summary>The demo account's rows for the kinds its pages take: a conversation with questions and a promise.</summary>
    private static Task<OwnedIds> DemoIdsAsync(RapportApp app) => app.WithDbAsync(null, async db =>
    {
        var demoId = await db.Users.Where(u => u.Email == Rapport.Data.DemoOptions.Email).Select(u => u.Id).SingleAsync();
        var c = await db.Conversations.IgnoreQueryFilters().Where(v => v.OwnerId == demoId && v.DeletedAtUtc == null && v.Questions.Any())
            .OrderByDescending(v => v.Promises.Any()).ThenBy(v => v.Id)
            .Select(v => new { v.Id, v.ContactId, Promise = v.Promises.Select(p => (int?)p.Id).FirstOrDefault() }).FirstAsync();
        async Task<int> First<T>(IQueryable<T> rows, System.Linq.Expressions.Expression<Func<T, int>> id) => await rows.OrderBy(id).Select(id).FirstAsync();
        var contacts = db.Contacts.IgnoreQueryFilters().Where(x => x.OwnerId == demoId && x.DeletedAtUtc == null);
        var ids = new Dictionary<Owned, string>
        {
            [Owned.Contact] = c.ContactId.ToString(CultureInfo.InvariantCulture),
            [Owned.SecondContact] = (await First(contacts.Where(x => x.Id != c.ContactId), x => x.Id)).ToString(CultureInfo.InvariantCulture),
            [Owned.Organization] = (await First(db.Organizations.IgnoreQueryFilters().Where(x => x.OwnerId == demoId), x => x.Id)).ToString(CultureInfo.InvariantCulture),
            [Owned.CareerField] = (await First(db.CareerFields.IgnoreQueryFilters().Where(x => x.OwnerId == demoId), x => x.Id)).ToString(CultureInfo.InvariantCulture),
            [Owned.Conversation] = c.Id.ToString(CultureInfo.InvariantCulture),
        };
        if (c.Promise is int promise) ids[Owned.Promise] = promise.ToString(CultureInfo.InvariantCulture);
        return new OwnedIds(demoId, ids);
    });

    private static async Task SignOutAsync(BrowserSession session)
    {
        await session.GoAsync("/account/sign-out");
        await session.Page.Locator("main form button[type=submit]").ClickAsync();
        await session.Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/account/sign-in"));
    }

    internal static string AxePath()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Rapport.slnx"))) directory = directory.Parent;
        var path = Path.Combine(directory?.FullName ?? ".", "node_modules", "axe-core", "axe.min.js");
        Assert.True(File.Exists(path), $"axe-core is missing at {path}: the build installs it with npm (package.json).");
        return path;
    }
}

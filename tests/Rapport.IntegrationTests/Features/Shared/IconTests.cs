using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.Shared;

/// <summary>Icons are drawn inline beside a text label: a screen reader reads the words and skips the picture.</summary>
public class IconTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    [Fact]
    public async Task Every_place_and_account_menu_entry_has_an_icon_hidden_from_screen_readers_beside_its_words()
    {
        var user = await _app.SignUpAsync();
        var today = await user.Client.GetPageAsync("/");
        var entries = today.Document.QuerySelectorAll(".places-wide a, .account-menu li a, .account-menu li button").ToList();
        Assert.True(entries.Count >= 15, $"{entries.Count} entries");
        foreach (var entry in entries)
        {
            var icon = entry.QuerySelector("svg.icon");
            Assert.True(icon is not null, $"No icon in '{entry.TextContent.Trim()}'");
            Assert.Equal("true", icon!.GetAttribute("aria-hidden"));
            Assert.Equal("false", icon.GetAttribute("focusable"));
            Assert.NotEmpty(icon.Children); // the shapes were read
            Assert.NotEqual("", entry.TextContent.Trim());
        }
        Assert.Equal(["Today", "Research", "People", "Conversations", "Follow-ups", "Templates", "Outcome", "Insights"],
            today.Document.QuerySelectorAll(".places-wide a").Select(a => a.TextContent.Trim()));
        // Presentation attributes only: the page's strict CSP refuses style attributes.
        Assert.Empty(today.Document.QuerySelectorAll("svg.icon[style], svg.icon *[style]"));
    }

    [Fact]
    public async Task A_stage_badge_shows_its_own_icon_and_its_name()
    {
        var user = await _app.SignUpAsync();
        var contactId = await _app.AddContactAsync(user.Id, "Amara", "Okafor");
        var form = await user.Client.GetPageAsync($"/conversations/new?contactId={contactId}");
        var conversation = await user.Client.FollowAsync(await user.Client.SubmitAsync(form, "main form", new()));
        var badge = conversation.Document.QuerySelector(".stage.stage-idea")!;
        Assert.Equal("Idea", badge.TextContent.Trim());
        Assert.Equal("true", badge.QuerySelector("svg.icon")!.GetAttribute("aria-hidden"));
        Assert.Contains("M9 18h6", badge.QuerySelector("svg.icon")!.InnerHtml); // Lucide's light bulb
    }
}

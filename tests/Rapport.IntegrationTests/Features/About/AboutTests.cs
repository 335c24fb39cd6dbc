using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.About;

public class AboutTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    [Fact]
    public async Task About_walks_through_the_steps_with_a_link_to_where_each_lives_and_names_the_version()
    {
        var user = await _app.SignUpAsync();
        var page = await user.Client.GetPageAsync("/about");
        var links = page.Document.QuerySelectorAll("main ol a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/research", "/people", "/conversations", "/templates", "/follow-ups", "/outcome"], links);
        foreach (var link in links) Assert.Equal(System.Net.HttpStatusCode.OK, (await user.Client.GetAsync(link!)).StatusCode);
        Assert.Matches(@"Version \d+\.\d+", page.Document.QuerySelector("main .muted")!.TextContent);
    }
}

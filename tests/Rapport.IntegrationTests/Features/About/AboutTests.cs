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

    [Fact]
    public async Task About_shows_the_version_of_the_build_settings_and_the_commit_the_app_was_built_from()
    {
        var user = await _app.SignUpAsync();
        var page = await user.Client.GetPageAsync("/about");
        var props = System.Xml.Linq.XDocument.Load(Repository.PathOf("Directory.Build.props"));
        var version = props.Descendants("Version").Single().Value;
        Assert.Matches(@"^0\.\d+\.\d+$", version);
        Assert.Equal(version, page.Document.QuerySelector("#build [data-version]")!.TextContent);
        // Built in this clone, so the commit is the one checked out (the tests are built from the same tree).
        var head = Repository.Git("rev-parse", "HEAD");
        Assert.NotNull(head);
        var commit = page.Document.QuerySelector("#build [data-commit]");
        Assert.NotNull(commit);
        Assert.Equal(head, commit.GetAttribute("data-commit"));
        Assert.Equal(head[..12], commit.TextContent);
    }
}

using Rapport.Domain;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.Research;

public class ResearchTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    [Fact]
    public async Task Research_groups_the_fields_by_status_with_their_open_questions_and_counts_the_target_list()
    {
        var user = await _app.SignUpAsync();
        await _app.WithDbAsync(user.Id, async db =>
        {
            var health = new CareerField { Status = CareerFieldStatus.Pursuing };
            health.Rename("Public health");
            health.OpenQuestions.Add(new OpenQuestion { Text = "Which credentials matter?" });
            health.OpenQuestions.Add(new OpenQuestion { Text = "Who hires in the county?" });
            db.CareerFields.Add(health);
            var games = new CareerField { Status = CareerFieldStatus.RuledOut };
            games.Rename("Game design");
            db.CareerFields.Add(games);
            db.Organizations.AddRange(Named("Riverside Health", OrganizationStatus.Target), Named("Acme", OrganizationStatus.OnHold));
            await db.SaveChangesAsync();
            return 0;
        });

        var page = await user.Client.GetPageAsync("/research");

        Assert.Equal(["Pursuing", "Ruled out"], page.Document.QuerySelectorAll("section[aria-labelledby='fields-heading'] h3").Select(h => h.TextContent).ToList());
        var health = page.Document.QuerySelectorAll(".field-list li").Single(li => li.QuerySelector(".name")!.TextContent == "Public health");
        Assert.StartsWith("2 open questions · 0 people", health.QuerySelector(".meta")!.TextContent);
        Assert.Contains("2 organizations, 1 on your target list.", page.Text);
    }

    [Fact]
    public async Task An_empty_research_page_says_what_to_add_first()
    {
        var user = await _app.SignUpAsync();
        var page = await user.Client.GetPageAsync("/research");
        Assert.Contains("No career fields yet", page.Text);
        Assert.Contains("0 organizations, 0 on your target list.", page.Text);
    }

    private static Organization Named(string name, OrganizationStatus status)
    {
        var organization = new Organization { Status = status };
        organization.Rename(name);
        return organization;
    }
}

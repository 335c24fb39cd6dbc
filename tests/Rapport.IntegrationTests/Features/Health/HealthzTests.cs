using System.Net;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.Health;

public class HealthzTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Healthz_answers_200_when_the_database_answers()
    {
        var response = await fixture.App.CreateAppClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", (await response.Content.ReadAsStringAsync()).Trim());
    }

    [Fact]
    public async Task Healthz_answers_503_when_the_database_is_unreachable()
    {
        var unreachable = fixture.App.Database.Provider == TestProvider.Sqlite
            ? "Data Source=/nonexistent-folder/rapport.db;Mode=ReadOnly"
            : "Host=127.0.0.1;Port=1;Username=nobody;Password=x;Timeout=2";
        await using var app = await RapportApp.StartAsync(new()
        {
            ["Database:ConnectionString"] = unreachable,
            ["Database:MigrateOnStartup"] = "false",
        }, completeSetup: false);
        var client = app.CreateAppClient();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz")).StatusCode);
        // Readiness says the same; liveness only that the process answers, so a container is not restarted for its database.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz/ready")).StatusCode);
        var live = await client.GetAsync("/healthz/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("ok", (await live.Content.ReadAsStringAsync()).Trim());
    }

    [Fact]
    public async Task Readiness_and_liveness_answer_200_when_the_database_answers_signed_out_and_before_setup()
    {
        await using var app = await RapportApp.StartAsync(completeSetup: false);
        var client = app.CreateAppClient();
        foreach (var path in new[] { "/healthz/ready", "/healthz/live" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("ok", (await response.Content.ReadAsStringAsync()).Trim());
        }
    }
}

using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.Health;

/// <summary>A developer starts the app in Development (watch, launch profiles, the EF tools): there the
/// service graph is checked at start, and a singleton holding a per-request service stops it.</summary>
public class DevelopmentStartTests
{
    [Fact]
    public async Task The_app_starts_in_Development_and_answers_a_sign_in()
    {
        await using var app = await RapportApp.StartAsync(new() { ["environment"] = Environments.Development });
        Assert.True(app.Services.GetRequiredService<IWebHostEnvironment>().IsDevelopment());

        var client = app.CreateAppClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var page = await client.GetPageAsync("/account/sign-in");
        var response = await client.SubmitAsync(page, "main form", new() { ["Input.Email"] = "nobody@example.com", ["Input.Password"] = "not the password at all" });
        Assert.Contains("do not match an account", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}

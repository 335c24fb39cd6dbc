using System.Net;
using System.Text.RegularExpressions;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.Health;

/// <summary>OpenTelemetry listens to every meter of a name in the process, and the tests run many apps in one process:
/// the counters would sum (and, as apps stop, lose) other apps' requests. These tests run alone, after the others.</summary>
[CollectionDefinition(nameof(MetricsTests), DisableParallelization = true)]
public sealed class MetricsCollection;

/// <summary>Prometheus text at /metrics when the setting turns it on, for the install's owner or a scraper with the
/// token, and for nobody else; the request counter and Rapport's own counters move with what people do.</summary>
[Collection(nameof(MetricsTests))]
public class MetricsTests
{
    private const string Token = "a scraper's own token 7d1f";

    private static async Task<RapportApp> StartAsync() => await RapportApp.StartAsync(new() { ["Metrics:Prometheus"] = "true", ["Metrics:Token"] = Token });

    /// <summary>The sum of a metric's samples whose labels contain <paramref name="labels"/> (0 when it has none yet).</summary>
    private static double Sum(string text, string metric, string labels = "") => text.Split('\n')
        .Where(l => l.StartsWith(metric, StringComparison.Ordinal) && (l.Length == metric.Length || l[metric.Length] is '{' or ' ') && l.Contains(labels, StringComparison.Ordinal))
        .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));

    private static async Task<string> ScrapeAsync(AppClient owner)
    {
        var response = await owner.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The exporter may answer a scrape from a copy made a moment before: ask until the figure moves.</summary>
    private static async Task<string> ScrapeUntilAsync(AppClient owner, Func<string, bool> moved)
    {
        for (var attempt = 0; ; attempt++)
        {
            var text = await ScrapeAsync(owner);
            if (moved(text) || attempt == 20) return text;
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task The_owner_scrapes_the_request_counter_and_rapports_own_counters_moving()
    {
        await using var app = await StartAsync();
        var owner = (await app.SignInOwnerAsync()).Client;
        const string requests = "http_server_request_duration_seconds_count";
        const string failures = "rapport_sign_in_failures_total";
        var before = await ScrapeAsync(owner);
        var requestsBefore = Sum(before, requests);

        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/today")).StatusCode);
        var stranger = app.CreateAppClient();
        var signIn = await stranger.GetPageAsync("/account/sign-in");
        await stranger.SubmitAsync(signIn, "main form", new() { ["Input.Email"] = RapportApp.OwnerEmail, ["Input.Password"] = "not the owner's pass phrase" });

        var after = await ScrapeUntilAsync(owner, text => Sum(text, requests) >= requestsBefore + 5 && Sum(text, failures) > Sum(before, failures));
        Assert.True(Sum(after, requests) >= requestsBefore + 5, $"{requests}: {requestsBefore} then {Sum(after, requests)}");
        Assert.True(Sum(after, requests, "http_route=\"/Today/Index\"") >= 5 || Sum(after, requests, "http_response_status_code=\"200\"") >= 5);
        Assert.Equal(Sum(before, failures) + 1, Sum(after, failures, "reason=\"wrong_password\""));
        // The runtime's and EF Core's own figures are there too.
        Assert.Contains("\ndotnet_gc_collections_total", after);
        Assert.True(Sum(after, "microsoft_entityframeworkcore_queries_total") > 0);
    }

    [Fact]
    public async Task Nobody_but_the_owner_or_a_scraper_with_the_token_reads_them()
    {
        await using var app = await StartAsync();
        await app.SignInOwnerAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateAppClient().GetAsync("/metrics")).StatusCode);
        var other = await app.SignUpAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateAppClient().GetAsync("/metrics", new() { ["Authorization"] = "Bearer not the token" })).StatusCode);
        var scraper = await app.CreateAppClient().GetAsync("/metrics", new() { ["Authorization"] = "Bearer " + Token });
        Assert.Equal(HttpStatusCode.OK, scraper.StatusCode);
        Assert.Matches(new Regex("^# (TYPE|HELP) ", RegexOptions.Multiline), await scraper.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_the_setting_there_is_no_metrics_endpoint_even_for_the_owner()
    {
        await using var app = await RapportApp.StartAsync();
        var owner = (await app.SignInOwnerAsync()).Client;
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync("/metrics")).StatusCode);
    }
}

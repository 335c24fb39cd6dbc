using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Features.ImportExport;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.ImportExport;

/// <summary>Uploads waiting for their preview to be confirmed: only files that can be imported are kept, a few per
/// account, and none past a day, whoever made them.</summary>
public class PendingUploadTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    private static byte[] Export(string name) =>
        Uploads.ConnectionsCsv($"{name},Person,https://www.linkedin.com/in/{name.ToLowerInvariant()},,Acme,Engineer,15 Mar 2024");

    private static async Task<HttpResponseMessage> UploadAsync(SignedInUser user, string handler, string fileName, byte[] content) =>
        await user.Client.UploadAsync(await user.Client.GetPageAsync("/import"), $"form[action*='handler={handler}']", fileName, content);

    private Task<List<string>> PendingAsync(string ownerId) =>
        _app.WithDbAsync(ownerId, db => db.PendingImports.OrderBy(p => p.CreatedAtUtc).Select(p => p.FileName).ToListAsync());

    public static TheoryData<string, string, byte[], string> RefusedFiles => new()
    {
        { "LinkedIn", "contacts.csv", "Name,Phone\r\nAda,123\r\n"u8.ToArray(), "No header row" },
        { "LinkedIn", "Connections.csv", Uploads.ConnectionsCsv([.. Enumerable.Range(1, 60_001).Select(i => $"F{i},L{i},,,,,")]), "more than 60,000 rows" },
        { "VCard", "contacts.vcf", "This is not a vCard at all.\r\n"u8.ToArray(), "" },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task A_refused_file_is_answered_beside_its_field_and_never_stored(string handler, string fileName, byte[] content, string message)
    {
        var user = await _app.SignUpAsync();

        var response = await UploadAsync(user, handler, fileName, content);

        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        var page = await HtmlPage.ReadAsync(response, "/import");
        Assert.Contains(message, page.ErrorFor(handler + "File"));
        Assert.Empty(await PendingAsync(user.Id));
    }

    [Fact]
    public async Task The_fourth_upload_waiting_removes_the_oldest()
    {
        var user = await _app.SignUpAsync();
        var previews = new List<string>();
        var start = _app.Clock.GetUtcNow();
        try
        {
            foreach (var name in new[] { "First", "Second", "Third", "Fourth" })
            {
                var response = await UploadAsync(user, "LinkedIn", name + ".csv", Export(name));
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                previews.Add(response.Headers.Location!.OriginalString);
                _app.Clock.Advance(TimeSpan.FromMinutes(1));
            }
        }
        finally
        {
            _app.Clock.Set(start);
        }

        Assert.Equal(["Second.csv", "Third.csv", "Fourth.csv"], await PendingAsync(user.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await user.Client.GetAsync(previews[0])).StatusCode);
        foreach (var preview in previews.Skip(1)) Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync(preview)).StatusCode);
    }

    [Fact]
    public async Task Uploads_past_the_total_size_make_the_oldest_give_way_and_the_limits_are_settings()
    {
        // One megabyte in all, ten uploads at most: three of about 400 KB do not fit together.
        await using var app = await RapportApp.StartAsync(new() { ["Imports:MaxPendingMegabytes"] = "1", ["Imports:MaxPendingUploads"] = "10" });
        var user = await app.SignUpAsync();
        var padding = string.Join("", Enumerable.Repeat("x", 380));
        foreach (var name in new[] { "Older", "Middle", "Newest" })
        {
            var rows = Enumerable.Range(1, 1_000).Select(i => $"{name}{i},{padding},,,Acme,Engineer,15 Mar 2024").ToArray();
            Assert.Equal(HttpStatusCode.Redirect, (await user.Client.UploadAsync(await user.Client.GetPageAsync("/import"),
                "form[action*='handler=LinkedIn']", name + ".csv", Uploads.ConnectionsCsv(rows))).StatusCode);
            app.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var kept = await app.WithDbAsync(user.Id, db => db.PendingImports.OrderBy(p => p.CreatedAtUtc)
            .Select(p => new { p.FileName, p.Content.Length }).ToListAsync());
        Assert.Equal(["Middle.csv", "Newest.csv"], kept.Select(k => k.FileName));
        Assert.True(kept.Sum(k => k.Length) <= 1024 * 1024, $"{kept.Sum(k => k.Length)} bytes kept");
    }

    [Fact]
    public async Task The_hourly_pass_removes_every_accounts_expired_uploads_and_keeps_younger_ones()
    {
        var forgetful = await _app.SignUpAsync();
        var recent = await _app.SignUpAsync();
        var start = _app.Clock.GetUtcNow();
        try
        {
            Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(forgetful, "LinkedIn", "Forgotten.csv", Export("Forgotten"))).StatusCode);
            _app.Clock.Advance(TimeSpan.FromHours(20));
            Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(recent, "LinkedIn", "Recent.csv", Export("Recent"))).StatusCode);
            var purge = _app.Services.GetRequiredService<PendingUploadPurge>();
            await purge.RunOnceAsync();
            Assert.Equal(["Forgotten.csv"], await PendingAsync(forgetful.Id));

            // A day and a minute after the first upload: the account that made it never came back.
            _app.Clock.Advance(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(1));
            Assert.True(await purge.RunOnceAsync() >= 1);

            Assert.Empty(await PendingAsync(forgetful.Id));
            Assert.Equal(["Recent.csv"], await PendingAsync(recent.Id));
        }
        finally
        {
            _app.Clock.Set(start);
        }
    }
}

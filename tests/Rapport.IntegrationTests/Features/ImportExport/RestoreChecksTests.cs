using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Rapport.IntegrationTests.Features.Conversations;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.ImportExport;

/// <summary>The restore meets the same checks as the forms: a file with a script address or an impossible
/// meeting is refused, naming the row and column, and nothing is restored. A meeting stored before the
/// checks existed keeps the calendar feed and the meeting's .ics answering.</summary>
public class RestoreChecksTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    public static TheoryData<string, string, string, string> ReportedCases => new()
    {
        { "Organizations", "Website", "\"javascript:alert(1)\"", "Enter a web address like https://example.com" },
        { "Contacts", "LinkedInUrl", "\"javascript:alert(1)\"", "Enter a LinkedIn profile address" },
        { "CareerFieldLinks", "Url", "\"javascript:alert(1)\"", "Enter a web address starting with https:// or http://" },
        { "Conversations", "VideoLink", "\"javascript:alert(1)\"", "Enter a link starting with https://" },
        { "Conversations", "DurationMinutes", "-5", "A meeting lasts 5 to 240 minutes" },
        { "Conversations", "MeetingStartUtc", "\"9999-12-31T10:00:00Z\"", "Choose a date between 1900 and 2200" },
    };

    [Theory]
    [MemberData(nameof(ReportedCases))]
    public async Task A_restore_with_a_value_its_form_refuses_restores_nothing_and_names_the_row_and_column(string table, string column, string json, string message)
    {
        var export = await RestoreCases.ValidExportAsync(_app);
        var file = RestoreCases.WithValue(export, table, column, JsonNode.Parse(json));
        var newcomer = await _app.SignUpAsync();

        var response = await RichAccount.RestoreAsync(newcomer.Client, Encoding.UTF8.GetBytes(file.ToJsonString()));

        var error = await RestoreCases.RefusalAsync(response);
        Assert.Contains($"Row 1 of \"{table}\", \"{column}\": {message}", error);
        Assert.EndsWith("Nothing was restored.", error.Trim());
        Assert.True(await RestoreCases.IsEmptyAsync(_app, newcomer.Id), $"{table}.{column}: rows were restored");
    }

    [Fact]
    public async Task A_meeting_stored_before_the_checks_neither_breaks_the_feed_nor_its_ics()
    {
        var (user, _, _, id) = await ConversationTests.PlannedAsync(_app);
        await user.Client.SubmitAsync(await user.Client.GetPageAsync($"/conversations/{id}/schedule"), "main form", new()
        {
            ["Input.Date"] = "2026-12-03", ["Input.Time"] = "10:00", ["Input.TimeZoneId"] = "Europe/Berlin",
        });
        var page = await user.Client.GetPageAsync("/account/calendar");
        var made = await HtmlPage.ReadAsync(await user.Client.SubmitAsync(page, "form[action*='handler=Create']", []), "/account/calendar");
        var feed = new Uri(made.Document.QuerySelector(".feed-url-value")!.GetAttribute("value")!).AbsolutePath;
        // Planted past the save checks, as an earlier restore could have stored it.
        await _app.WithDbAsync(user.Id, db => db.Conversations.Where(c => c.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.DurationMinutes, -5)));

        var anonymous = _app.CreateAppClient();
        var response = await anonymous.GetAsync(feed);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("DTEND;TZID=Europe/Berlin:20261203T100500", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync($"/conversations/{id}/meeting.ics")).StatusCode);

        await _app.WithDbAsync(user.Id, db => db.Conversations.Where(c => c.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.MeetingStartUtc, new DateTime(9999, 12, 31, 23, 0, 0, DateTimeKind.Utc))));
        response = await anonymous.GetAsync(feed);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("SUMMARY:Informational interview", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await user.Client.GetAsync($"/conversations/{id}/meeting.ics")).StatusCode);
    }
}

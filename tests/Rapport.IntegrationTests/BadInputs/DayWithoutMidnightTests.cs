using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.BadInputs;

/// <summary>A person whose time zone skips midnight on a day (the clocks jump from 00:00 to 01:00)
/// can use the app all that day. The app's clock is moved, so these have an app of their own.</summary>
public class DayWithoutMidnightTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly RapportApp _app = fixture.App;

    public static TheoryData<string> Days => Corpus.Lines("times/midnight-skipped.txt");

    [Theory]
    [MemberData(nameof(Days))]
    public async Task The_day_pages_open_on_a_day_whose_midnight_does_not_exist(string fixture)
    {
        var parts = Corpus.Case(fixture).Split('|', StringSplitOptions.TrimEntries);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(parts[0]);
        var day = DateOnly.Parse(parts[1], CultureInfo.InvariantCulture);
        Assert.True(zone.IsInvalidTime(day.ToDateTime(TimeOnly.MinValue)), $"{fixture}: midnight exists on that day with this machine's time zone data");

        var user = await _app.SignUpAsync();
        var profile = await user.Client.GetPageAsync("/account/profile");
        Assert.True(Corpus.IsRedirect(await user.Client.SubmitAsync(profile, "main form", new() { ["Input.TimeZoneId"] = parts[0] })));
        var contact = await _app.AddContactAsync(user.Id, "Midnight", "Person");
        _app.Clock.Set(new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), zone.GetUtcOffset(day.ToDateTime(new TimeOnly(12, 0)))));
        try
        {
            var followUps = await Corpus.OpenSafelyAsync(user.Client, "/follow-ups");
            var add = followUps.Document.QuerySelector("form[action*='handler=Add']");
            if (add is not null)
            {
                var made = await user.Client.SubmitAsync(followUps, "form[action*='handler=Add']", new() { ["NewTitle"] = "Call back", ["NewDue"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
                Corpus.NoServerError(made, fixture);
            }
            foreach (var url in new[] { "/today", "/", "/follow-ups", $"/people/{contact}", "/conversations" })
                await Corpus.OpenSafelyAsync(user.Client, url);
            var log = await user.Client.GetPageAsync($"/people/{contact}");
            var logForm = log.Document.QuerySelector("form[action*='handler=Log']");
            if (logForm is not null)
                Corpus.NoServerError(await user.Client.SubmitAsync(log, "form[action*='handler=Log']", new() { ["Log.On"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }), fixture);
        }
        finally
        {
            _app.Clock.Set(new DateTimeOffset(2026, 11, 27, 15, 0, 0, TimeSpan.Zero));
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Domain;
using Rapport.Features.Reminders;
using Rapport.IntegrationTests.Features.Conversations;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.Reminders;

/// <summary>The daily reminder email, sent through an SMTP listener this test starts on localhost.</summary>
public class ReminderTests
{
    [Fact]
    public async Task The_digest_goes_once_a_day_at_the_chosen_local_time_and_never_twice_after_a_restart()
    {
        await using var smtp = new SmtpListener();
        var settings = new Dictionary<string, string?>
        {
            ["Email:Host"] = "127.0.0.1", ["Email:Port"] = smtp.Port.ToString(), ["Email:From"] = "rapport@example.org",
            ["Email:CheckEvery"] = "01:00:00",
        };
        var app = await RapportApp.StartAsync(settings);
        var (user, _, _, id) = await ConversationTests.PlannedAsync(app);
        // Signing up sent the registration email; only the digest counts here.
        smtp.Messages.Clear();
        await user.Client.SubmitAsync(await user.Client.GetPageAsync($"/conversations/{id}/hold"), "form[action*='handler=End']", []);
        var rules = await user.Client.GetPageAsync("/account/rules");
        await user.Client.SubmitAsync(rules, "main form[method=post]:not([action*='Cadence'])", new() { ["Input.DigestTime"] = "17:30" });

        // 15:00 UTC is 16:00 in Berlin: too early. 16:45 UTC is 17:45: time to send, once.
        var digest = app.Services.GetRequiredService<DailyDigest>();
        Assert.Equal(0, await digest.RunOnceAsync());
        app.Clock.Set(new DateTimeOffset(2026, 11, 29, 16, 45, 0, TimeSpan.Zero));
        Assert.Equal(1, await digest.RunOnceAsync());
        Assert.Equal(0, await digest.RunOnceAsync());
        var (to, data) = Assert.Single(smtp.Messages);
        Assert.Equal(user.Email, to);
        var text = SmtpListener.Text(data);
        Assert.Contains("Send a thank-you note to Amara", text);
        Assert.Contains("https://rapport.test/follow-ups", text);

        await using var restarted = await app.RestartAsync();
        restarted.Clock.Set(new DateTimeOffset(2026, 11, 29, 17, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await restarted.Services.GetRequiredService<DailyDigest>().RunOnceAsync());
        restarted.Clock.Set(new DateTimeOffset(2026, 11, 30, 16, 45, 0, TimeSpan.Zero));
        Assert.Equal(1, await restarted.Services.GetRequiredService<DailyDigest>().RunOnceAsync());
        Assert.Equal(2, smtp.Messages.Count);
        Assert.Equal(new DateOnly(2026, 11, 30), await restarted.WithDbAsync(null, db => db.Users.Where(u => u.Id == user.Id).Select(u => u.DigestSentOn).SingleAsync()));
    }

    [Fact]
    public async Task The_digest_writes_dates_the_way_the_person_reads_them()
    {
        await using var smtp = new SmtpListener();
        await using var app = await RapportApp.StartAsync(new()
        {
            ["Email:Host"] = "127.0.0.1", ["Email:Port"] = smtp.Port.ToString(), ["Email:From"] = "rapport@example.org",
            ["Email:CheckEvery"] = "01:00:00",
        });
        var user = await app.SignUpAsync();
        smtp.Messages.Clear();
        await app.WithDbAsync(user.Id, async db =>
        {
            var me = await db.Users.SingleAsync(u => u.Id == user.Id);
            (me.DateOrder, me.TwentyFourHourClock, me.DigestTime) = (DateOrder.MonthDayYear, false, new TimeOnly(7, 0));
            db.FollowUpTasks.Add(new FollowUpTask { Kind = TaskKind.Own, Title = "Call Ana", AllDay = true, DueUtc = new DateTime(2026, 11, 25, 8, 0, 0, DateTimeKind.Utc) });
            return await db.SaveChangesAsync();
        });
        Assert.Equal(1, await app.Services.GetRequiredService<DailyDigest>().RunOnceAsync());
        var (_, data) = Assert.Single(smtp.Messages);
        Assert.Contains("(overdue since Nov 25, 2026) Call Ana", SmtpListener.Text(data));
    }

    [Fact]
    public async Task Due_tasks_appear_in_the_calendar_feed_as_all_day_items_with_an_alarm()
    {
        await using var app = await RapportApp.StartAsync();
        var (user, _, _, id) = await ConversationTests.PlannedAsync(app);
        await user.Client.SubmitAsync(await user.Client.GetPageAsync($"/conversations/{id}/hold"), "form[action*='handler=End']", []);
        var made = await HtmlPage.ReadAsync(await user.Client.SubmitAsync(await user.Client.GetPageAsync("/account/calendar"), "form[action*='handler=Create']", []), "");
        var path = new Uri(made.Document.QuerySelector(".feed-url-value")!.GetAttribute("value")!).AbsolutePath;
        var feed = await (await app.CreateAppClient().GetAsync(path)).Content.ReadAsStringAsync();
        Assert.Contains("SUMMARY:Rapport follow-up", feed);
        Assert.Contains("DTSTART;VALUE=DATE:2026112", feed);
        Assert.Contains("BEGIN:VALARM", feed);
        Assert.DoesNotContain("thank-you note to Amara", feed);
        var events = IcalJs.Events(feed);
        Assert.Contains(events, e => e.GetProperty("summary").GetString() == "Rapport follow-up");
    }
}

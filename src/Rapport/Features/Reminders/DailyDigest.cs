using System.Text;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Web;

namespace Rapport.Features.Reminders;

/// <summary>Emails each person, once a day at the time they chose in their own zone, what is overdue
/// and due today. The day is claimed in the database before sending, so a restart (or a second web
/// node) never sends it twice.</summary>
public sealed class DailyDigest(IServiceScopeFactory scopes, SmtpOptions smtp, SmtpMail mail, PublicUrl links, TimeProvider clock, RapportMetrics metrics)
{
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        if (!smtp.IsConfigured) return 0;
        var now = clock.GetUtcNow().UtcDateTime;
        List<(string Id, string Email, string Name, string Zone, TimeOnly At, DateOnly? SentOn)> people;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RapportDb>();
            people = (await db.Users.AsNoTracking().Where(u => u.DigestTime != null && u.Email != null)
                    .Select(u => new { u.Id, u.Email, u.DisplayName, u.TimeZoneId, u.DigestTime, u.DigestSentOn }).ToListAsync(cancellationToken))
                .Select(u => (u.Id, u.Email!, u.DisplayName, u.TimeZoneId, u.DigestTime!.Value, u.DigestSentOn)).ToList();
        }
        var sent = 0;
        foreach (var person in people)
        {
            var local = TimeZones.ToLocal(now, TimeZones.FindOrUtc(person.Zone));
            var today = DateOnly.FromDateTime(local);
            if (TimeOnly.FromDateTime(local) < person.At || person.SentOn >= today) continue;
            if (!await SendToAsync(person.Id, person.Email, person.Name, today, now, cancellationToken)) continue;
            sent++;
            metrics.DigestSent();
        }
        return sent;
    }

    private async Task<bool> SendToAsync(string userId, string email, string name, DateOnly today, DateTime now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentOwner>().ActAs(userId);
        var db = scope.ServiceProvider.GetRequiredService<RapportDb>();
        var claimed = await db.Users.Where(u => u.Id == userId && (u.DigestSentOn == null || u.DigestSentOn < today))
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.DigestSentOn, today), cancellationToken);
        if (claimed != 1) return false;

        var person = await db.Users.Where(u => u.Id == userId).Select(u => new { u.TimeZoneId, u.DateOrder, u.TwentyFourHourClock }).FirstAsync(cancellationToken);
        var zone = TimeZones.FindOrUtc(person.TimeZoneId);
        var style = person.DateOrder is { } order && person.TwentyFourHourClock is bool clock ? new DateStyle(order, clock) : DateStyle.Default;
        var endOfToday = TimeZones.ToUtc(today.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
        var due = await db.FollowUpTasks.AsNoTracking()
            .Where(t => t.DoneAtUtc == null && t.DismissedAtUtc == null && t.DueUtc < endOfToday && (t.SnoozedUntilUtc == null || t.SnoozedUntilUtc < endOfToday))
            .OrderBy(t => t.DueUtc).Select(t => new { t.Title, t.DueUtc }).Take(100).ToListAsync(cancellationToken);
        if (due.Count == 0) return false;

        var body = new StringBuilder();
        // Mail wants CRLF line ends.
        body.Append("Hello ").Append(name).Append(",\r\n\r\nHere is what is due in Rapport:\r\n\r\n");
        var todayStart = TimeZones.ToUtc(today.ToDateTime(TimeOnly.MinValue), zone);
        foreach (var task in due)
            body.Append(task.DueUtc < todayStart ? $"- (overdue since {style.Date(TimeZones.ToLocal(task.DueUtc, zone))}) " : "- ").Append(task.Title).Append("\r\n");
        body.Append("\r\nOpen your follow-ups: ").Append(links.For("/follow-ups")).Append("\r\n");
        return await mail.SendAsync(email, $"Rapport: {Plural.Of(due.Count, "follow-up")} due", body.ToString(), cancellationToken);
    }
}

/// <summary>Runs <see cref="DailyDigest"/> in the background while the app runs.</summary>
public sealed class DailyDigestService(DailyDigest digest, SmtpOptions smtp, Data.DatabaseReadiness database, ILogger<DailyDigestService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!smtp.IsConfigured) return;
        if (!await database.WaitUntilReadyAsync(stoppingToken)) return;
        using var timer = new PeriodicTimer(smtp.CheckEvery);
        do
        {
            try
            {
                await digest.RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The reminder run failed; it will try again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

using System.Text;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.Conversations;
using Rapport.Formats.ICalendar;

namespace Rapport.Features.Calendar;

/// <summary>The private feed calendars subscribe to: no sign-in, the token in the address is the key.
/// An unknown token gets the same 404 as any missing page. Titles and times only, unless the person
/// turned details on.</summary>
public static class CalendarFeedEndpoint
{
    public static IEndpointRouteBuilder MapCalendarFeed(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/calendar/{token}.ics", async (string token, RapportDb db, CurrentOwner owner, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            var feed = await CalendarFeedTokens.FindAsync(db, token, cancellationToken);
            if (feed is null) return Results.NotFound();
            owner.ActAs(feed.OwnerId);
            var since = clock.GetUtcNow().UtcDateTime.AddDays(-180);
            var conversations = await db.Conversations.AsNoTracking()
                .Where(c => c.MeetingStartUtc != null && c.MeetingStartUtc > since)
                .Include(c => c.Contact).Include(c => c.Organization).Include(c => c.Questions)
                .OrderBy(c => c.MeetingStartUtc).Take(1_000).AsSplitQuery().ToListAsync(cancellationToken);
            var user = await db.Users.AsNoTracking().Where(u => u.Id == feed.OwnerId).Select(u => u.TimeZoneId).FirstAsync(cancellationToken);
            var zone = TimeZones.FindOrUtc(user);
            // Open follow-ups appear as all-day items on the day they are due, with a 09:00 reminder.
            var tasks = await db.FollowUpTasks.AsNoTracking().Where(t => t.DoneAtUtc == null && t.DismissedAtUtc == null)
                .OrderBy(t => t.DueUtc).Take(500).ToListAsync(cancellationToken);
            var events = conversations
                .Select(c => MeetingCalendar.ToEvent(c, c.Contact!.FullName, c.Organization?.Name, feed.IncludeDetails))
                .OfType<CalendarEvent>()
                .Concat(tasks.Where(t => YearRange.Holds(t.ShowsAtUtc)).Select(t => new CalendarEvent($"task-{t.Id}@rapport", 0, t.ShowsAtUtc, TimeSpan.Zero, "UTC",
                    feed.IncludeDetails ? t.Title : "Rapport follow-up", null, null, null,
                    AllDayDate: DateOnly.FromDateTime(TimeZones.ToLocal(t.ShowsAtUtc, zone)), AlarmAfterStart: TimeSpan.FromHours(9))));
            var text = CalendarWriter.Write(events, clock.GetUtcNow().UtcDateTime, "Rapport conversations");
            return Results.Bytes(Encoding.UTF8.GetBytes(text), "text/calendar; charset=utf-8");
        }).AllowAnonymous();
        return endpoints;
    }
}

using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Formats.LinkedIn;

namespace Rapport.Features.ImportExport;

/// <summary>Imports the message history of LinkedIn's full export (docs/decisions/022-linkedin-history.md): a sent
/// invitation note or message becomes a LinkedIn message on the contact's timeline, a message they wrote a timeline
/// entry ("Replied on LinkedIn" when it answers one of the person's), and every message moves "last in touch" to
/// its day. Matched by profile URL, then name. A message already imported (same contact, same moment, same text)
/// is left out, so a second import adds nothing. Nothing is ever sent.</summary>
public sealed class LinkedInHistoryImport(RapportDb db, TimeProvider clock)
{
    public const string InvitationSubject = "LinkedIn invitation";

    /// <summary>What importing <paramref name="history"/> would add. With <paramref name="contacts"/>, the people that
    /// plan is about to add count as contacts too, so a first import of the whole export matches them.</summary>
    public async Task<HistoryPlan> PlanAsync(LinkedInHistory history, LinkedInPlan? contacts)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Problem is not null) return HistoryPlan.Failed(history.Problem);
        var people = new HistoryContacts();
        var known = await db.Contacts.AsNoTracking().Select(c => new { c.Id, c.LinkedInUrl, c.FirstName, c.LastName }).ToListAsync();
        foreach (var c in known) people.Add(c.Id, c.LinkedInUrl, Contact.FullNameOf(c.FirstName, c.LastName));
        var fresh = 0;
        foreach (var row in contacts?.Rows ?? [])
        {
            if (row.Outcome == ImportOutcome.New) people.Add(--fresh, row.Row.ProfileUrl, Contact.FullNameOf(row.Row.FirstName, row.Row.LastName));
            else if (row.ContactId is int id) people.Add(id, row.Row.ProfileUrl, "");
        }

        var entries = history.Entries(people.HasUrl, out var sponsored, out var withoutNote);
        var seen = await AlreadyImportedAsync();
        var planned = new List<PlannedMessage>();
        var unmatched = new Dictionary<string, UnmatchedPerson>(StringComparer.Ordinal);
        var again = 0;
        foreach (var entry in entries)
        {
            if (people.Find(entry.PersonUrl, entry.PersonName) is not int key)
            {
                var who = entry.PersonUrl ?? "name:" + Folding.Fold(entry.PersonName);
                unmatched[who] = unmatched.TryGetValue(who, out var u) ? u with { Messages = u.Messages + 1 }
                    : new UnmatchedPerson(entry.PersonName.Length > 0 ? entry.PersonName : "(no name)", entry.PersonUrl, 1);
                continue;
            }
            if (!seen.Add(Key(key, entry)))
            {
                again++;
                continue;
            }
            // The rows the message becomes meet the checks of a save, before anything is written (they are written in bulk).
            var problem = entry.Sent ? RowChecks.FirstProblem(db.Model, Sent(Math.Max(key, 1), entry)) : RowChecks.FirstProblem(db.Model, Received(Math.Max(key, 1), entry));
            if (problem is not null) return HistoryPlan.Failed($"{entry.File}, line {entry.Line}: {problem.Message} ({problem.Property})");
            planned.Add(new PlannedMessage(key, entry));
        }
        var list = unmatched.Values.OrderByDescending(u => u.Messages).ThenBy(u => u.Name, StringComparer.CurrentCulture).ToList();
        return new HistoryPlan(planned, again, list, sponsored, withoutNote, null);
    }

    /// <summary>Adds the history in the caller's transaction, as <paramref name="plan"/> (made with the contacts' plan)
    /// matched it, after the contacts of the same export were imported: a new contact's key (-1, -2, ...) stands for
    /// the id at that place in <paramref name="newIds"/>. Returns how many messages were added.</summary>
    public async Task<int> ApplyAsync(HistoryPlan plan, IReadOnlyList<int> newIds)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(newIds);
        if (plan.Problem is not null) throw new InvalidOperationException("A history that cannot be imported has nothing to add.");
        plan = plan with { Messages = plan.Messages.Select(m => m.ContactKey < 0 ? m with { ContactKey = newIds[-m.ContactKey - 1] } : m).ToList() };
        await MessageBulkInsert.WriteAsync(db,
            plan.Messages.Where(m => m.Entry.Sent).Select(m => Sent(m.ContactKey, m.Entry)).ToList(),
            plan.Messages.Where(m => !m.Entry.Sent).Select(m => Received(m.ContactKey, m.Entry)).ToList());

        // "Last in touch" only moves forward, as Contact.MarkInTouch does: one UPDATE per day, not per contact. The ids go
        // as one parameter (EF.Parameter): one each made EF write the SQL anew for every day, most of the UPDATEs' time.
        var zoneId = await db.Users.AsNoTracking().Where(u => u.Id == db.OwnerId).Select(u => u.TimeZoneId).FirstOrDefaultAsync();
        var zone = TimeZones.FindOrUtc(zoneId);
        var now = clock.GetUtcNow().UtcDateTime;
        var latest = plan.Messages.GroupBy(m => m.ContactKey)
            .Select(g => (Id: g.Key, Day: DateOnly.FromDateTime(TimeZones.ToLocal(g.Max(m => m.Entry.AtUtc), zone))));
        foreach (var day in latest.GroupBy(x => x.Day))
        {
            foreach (var ids in day.Select(x => x.Id).Chunk(500))
            {
                await db.Contacts.Where(c => EF.Parameter(ids).Contains(c.Id) && (c.LastContactedOn == null || c.LastContactedOn < day.Key))
                    .ExecuteUpdateAsync(u => u.SetProperty(c => c.LastContactedOn, day.Key).SetProperty(c => c.UpdatedAtUtc, now)
                        .SetProperty(c => c.Version, c => c.Version + 1));
            }
        }
        return plan.Messages.Count;
    }

    private static OutreachAttempt Sent(int contactId, HistoryEntry entry) => new()
    {
        ContactId = contactId,
        Channel = Channel.LinkedIn,
        // Not a request for a conversation: the chase of requests and "who answers" count only those the person logs.
        Purpose = TemplatePurpose.KeepInTouch,
        Subject = entry.Invitation ? InvitationSubject : Clip(entry.Subject, OutreachAttempt.SubjectMaxLength),
        Body = entry.Text,
        SentAtUtc = entry.AtUtc,
    };

    private static ContactEvent Received(int contactId, HistoryEntry entry) => new()
    {
        ContactId = contactId,
        Kind = ContactEventKind.MessageReceived,
        OccurredAtUtc = entry.AtUtc,
        Text = ReceivedText(entry),
    };

    /// <summary>The timeline text of a message they wrote; also what recognises it on a later import.</summary>
    public static string ReceivedText(HistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var what = entry.Invitation ? "Invited you to connect on LinkedIn" : entry.Reply ? "Replied on LinkedIn" : "Wrote on LinkedIn";
        var text = entry.Text.Trim();
        return text.Length == 0 ? what : Folding.Truncate($"{what}: {text}", ContactEvent.TextMaxLength);
    }

    private static (int, long, bool, string) Key(int contactId, HistoryEntry entry) =>
        (contactId, entry.AtUtc.Ticks, entry.Sent, entry.Sent ? entry.Text : ReceivedText(entry));

    /// <summary>The imported messages already stored, by the key a new one is compared with.</summary>
    private async Task<HashSet<(int, long, bool, string)>> AlreadyImportedAsync()
    {
        var seen = new HashSet<(int, long, bool, string)>();
        var sent = await db.OutreachAttempts.AsNoTracking().Where(a => a.Channel == Channel.LinkedIn && a.ConversationId == null)
            .Select(a => new { a.ContactId, a.SentAtUtc, a.Body }).ToListAsync();
        foreach (var a in sent) seen.Add((a.ContactId, a.SentAtUtc.Ticks, true, a.Body));
        var received = await db.ContactEvents.AsNoTracking().Where(e => e.Kind == ContactEventKind.MessageReceived)
            .Select(e => new { e.ContactId, e.OccurredAtUtc, e.Text }).ToListAsync();
        foreach (var e in received) seen.Add((e.ContactId, e.OccurredAtUtc.Ticks, false, e.Text));
        return seen;
    }

    private static string? Clip(string? text, int max) =>
        string.IsNullOrWhiteSpace(text) ? null : Folding.Truncate(text.Trim(), max);
}

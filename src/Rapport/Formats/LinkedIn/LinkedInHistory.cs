using System.IO.Compression;

namespace Rapport.Formats.LinkedIn;

/// <summary>The history files of LinkedIn's full export (Invitations.csv and messages.csv), read from its ZIP, and
/// turned into <see cref="HistoryEntry"/> rows: who wrote to whom, when, and whether it answered.</summary>
public sealed record LinkedInHistory(
    IReadOnlyList<LinkedInInvitation> Invitations, IReadOnlyList<LinkedInMessage> Messages, bool HasInvitations, bool HasMessages,
    string? Problem)
{
    public const long MaxEntryBytes = 25 * 1024 * 1024;

    public static readonly LinkedInHistory None = new([], [], false, false, null);

    /// <summary>Whether the upload holds any history at all (a bare Connections.csv does not).</summary>
    public bool Present => HasInvitations || HasMessages;

    public static LinkedInHistory Failed(string problem) => new([], [], true, true, problem);

    /// <summary>The history in an upload: nothing unless it is a ZIP that holds one of the files.</summary>
    public static LinkedInHistory Read(byte[] upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        if (!upload.AsSpan().StartsWith("PK\x03\x04"u8)) return None;
        try
        {
            using var archive = new ZipArchive(new MemoryStream(upload, writable: false), ZipArchiveMode.Read);
            var invitationsEntry = archive.Entries.FirstOrDefault(e => Named(e, InvitationsCsv.FileName));
            var messagesEntry = archive.Entries.FirstOrDefault(e => Named(e, MessagesCsv.FileName));
            if (invitationsEntry is null && messagesEntry is null) return None;
            IReadOnlyList<LinkedInInvitation> invitations = [];
            IReadOnlyList<LinkedInMessage> messages = [];
            string? problem = null;
            if (invitationsEntry is not null && Text(invitationsEntry, out problem) is { } invitationsText)
                invitations = InvitationsCsv.Parse(invitationsText, out problem) ?? [];
            if (problem is null && messagesEntry is not null && Text(messagesEntry, out problem) is { } messagesText)
                messages = MessagesCsv.Parse(messagesText, out problem) ?? [];
            return problem is not null ? Failed(problem) : new(invitations, messages, invitationsEntry is not null, messagesEntry is not null, null);
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException)
        {
            return Failed(ConnectionsZip.Damaged);
        }
    }

    /// <summary>The entries, in file order. The person's own profile is the inviter of their sent invitations (the
    /// invitee of received ones); failing those, the member in most threads (sponsored ones included), ties going to one
    /// who is not a contact.</summary>
    public IReadOnlyList<HistoryEntry> Entries(Func<string, bool> isContact, out int sponsoredSkipped, out int withoutNote)
    {
        ArgumentNullException.ThrowIfNull(isContact);
        var me = OwnerUrl(isContact);
        var entries = new List<HistoryEntry>();
        withoutNote = 0;
        foreach (var i in Invitations)
        {
            if (i.Message is null)
            {
                withoutNote++;
                continue;
            }
            entries.Add(i.Outgoing
                ? new HistoryEntry(InvitationsCsv.FileName, i.Line, i.SentAtUtc, true, i.InviteeUrl, DoubleEncodedText.Repair(i.To), i.Message, null, false, true)
                : new HistoryEntry(InvitationsCsv.FileName, i.Line, i.SentAtUtc, false, i.InviterUrl, DoubleEncodedText.Repair(i.From), i.Message, null, false, true));
        }
        sponsoredSkipped = Messages.Count(m => m.Sponsored);
        foreach (var thread in Messages.Where(m => !m.Sponsored).GroupBy(m => m.ConversationId))
        {
            var iWrote = false;
            foreach (var m in thread.OrderBy(m => m.SentAtUtc).ThenBy(m => m.Line))
            {
                if (m.SenderUrl is not null && m.SenderUrl == me)
                {
                    var recipients = m.RecipientUrls.Where(u => u != me).ToList();
                    var names = m.To.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                    for (var r = 0; r < recipients.Count; r++)
                    {
                        // A name per URL only when the counts agree: a name may hold a comma of its own.
                        var name = names.Length == m.RecipientUrls.Count && recipients.Count == m.RecipientUrls.Count ? names[r]
                            : recipients.Count == 1 && names.Length == 1 ? names[0] : "";
                        entries.Add(new HistoryEntry(MessagesCsv.FileName, m.Line, m.SentAtUtc, true, recipients[r], DoubleEncodedText.Repair(name),
                            m.Content, m.Subject, false, false));
                    }
                    iWrote = true;
                }
                else
                {
                    entries.Add(new HistoryEntry(MessagesCsv.FileName, m.Line, m.SentAtUtc, false, m.SenderUrl, DoubleEncodedText.Repair(m.From),
                        m.Content, m.Subject, iWrote, false));
                }
            }
        }
        return entries;
    }

    private string? OwnerUrl(Func<string, bool> isContact)
    {
        var fromInvitations = Invitations.Select(i => i.Outgoing ? i.InviterUrl : i.InviteeUrl).OfType<string>()
            .GroupBy(u => u).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        if (fromInvitations is not null) return fromInvitations;
        // Sponsored mail counts here: its recipient is the person.
        var threadsOf = Messages
            .SelectMany(m => (m.Sponsored ? m.RecipientUrls : m.RecipientUrls.Append(m.SenderUrl)).OfType<string>().Select(u => (Url: u, m.ConversationId)))
            .Distinct().GroupBy(p => p.Url).Select(g => (Url: g.Key, Threads: g.Count())).ToList();
        return threadsOf.OrderByDescending(t => t.Threads).ThenBy(t => isContact(t.Url)).ThenBy(t => t.Url, StringComparer.Ordinal)
            .Select(t => t.Url).FirstOrDefault();
    }

    private static bool Named(ZipArchiveEntry entry, string fileName)
    {
        var name = entry.FullName;
        var slash = name.LastIndexOfAny(['/', '\\']);
        return string.Equals(name[(slash + 1)..], fileName, StringComparison.OrdinalIgnoreCase);
    }

    private static string? Text(ZipArchiveEntry entry, out string? problem)
    {
        problem = null;
        var name = entry.Name;
        if (entry.IsEncrypted) return Fail($"{name} in the ZIP is password-protected.", out problem);
        if (entry.Length > MaxEntryBytes) return Fail($"{name} in the ZIP is larger than 25 MB once unpacked.", out problem);
        using var content = entry.Open();
        var bytes = ConnectionsCsv.ReadCapped(content, MaxEntryBytes);
        if (bytes is null) return Fail($"{name} in the ZIP is larger than 25 MB once unpacked.", out problem);
        var text = CsvTextDecoder.Decode(bytes, out var decodeError);
        if (text is null) return Fail($"{name}: {decodeError}", out problem);
        return text;
    }

    private static string? Fail(string message, out string? problem)
    {
        problem = message;
        return null;
    }
}

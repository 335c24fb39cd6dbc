namespace Rapport.Formats.LinkedIn;

/// <summary>One message between the person and one other member, from either history file. <see cref="Sent"/>: the
/// person wrote it; otherwise the other member did, and <see cref="Reply"/> says they answered a message the person
/// had sent earlier in the same thread. A message to a group is one entry per recipient.</summary>
public sealed record HistoryEntry(
    string File, int Line, DateTime AtUtc, bool Sent, string? PersonUrl, string PersonName, string Text, string? Subject,
    bool Reply, bool Invitation);

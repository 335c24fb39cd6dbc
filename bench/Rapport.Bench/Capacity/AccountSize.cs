namespace Rapport.Bench.Capacity;

/// <summary>What one account holds: its contacts (from a LinkedIn export) and what a long search hangs off them.</summary>
public sealed record AccountSize(int Contacts, int Companies, int Notes, int Conversations, int Tasks)
{
    /// <summary>The benchmark's network: LinkedIn's cap, with 500 days of use.</summary>
    public static readonly AccountSize Full = new(30_000, 5_000, 100_000, 5_000, 20_000);

    /// <summary>The same account with fewer contacts and everything else in proportion.</summary>
    public AccountSize ScaledTo(int contacts) => new(contacts, Math.Max(20, Companies * contacts / Contacts),
        Notes * contacts / Contacts, Conversations * contacts / Contacts, Tasks * contacts / Contacts);

    public override string ToString() =>
        $"{Contacts:N0} contacts, {Notes:N0} notes, {Conversations:N0} conversations, {Tasks:N0} tasks";
}

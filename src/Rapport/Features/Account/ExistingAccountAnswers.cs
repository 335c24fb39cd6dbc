using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Rapport.Features.Account;

/// <summary>Without a mail server, registration must say when an email already has an account (the
/// person is told to sign in instead), and so it tells a stranger too. Each such answer is counted
/// against the client address, like a wrong password: after five in 15 minutes, that address's
/// registrations wait 15 minutes (429). Trying a list of emails then finds at most five accounts a
/// quarter-hour per address, on top of the per-address limit on every password post.</summary>
public sealed class ExistingAccountAnswers(IOptions<IdentityOptions> identity, TimeProvider clock)
{
    // Bounded, like UnknownAccountAttempts: many addresses cannot fill the memory.
    private readonly MemoryCache _answers = new(new MemoryCacheOptions { SizeLimit = 50_000 });

    private LockoutOptions Lockout => identity.Value.Lockout;

    /// <summary>How long this address must still wait, or null when it may register.</summary>
    public TimeSpan? WaitFor(string clientAddress)
    {
        if (!_answers.TryGetValue(clientAddress, out Answers? answers)) return null;
        var left = answers!.BlockedUntilUtc - clock.GetUtcNow().UtcDateTime;
        return left > TimeSpan.Zero ? left : null;
    }

    /// <summary>Counts one "already exists" answer given to this address.</summary>
    public void Count(string clientAddress)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        lock (_answers)
        {
            // A count starts afresh 15 minutes after its first answer, or once a wait is over.
            if (!_answers.TryGetValue(clientAddress, out Answers? answers)
                || answers!.FirstAtUtc + Lockout.DefaultLockoutTimeSpan <= now && answers.BlockedUntilUtc <= now)
                answers = new Answers { FirstAtUtc = now };
            answers.Count++;
            if (answers.Count >= Lockout.MaxFailedAccessAttempts) answers.BlockedUntilUtc = now + Lockout.DefaultLockoutTimeSpan;
            _answers.Set(clientAddress, answers, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = 2 * Lockout.DefaultLockoutTimeSpan });
        }
    }

    private sealed class Answers
    {
        public int Count;
        public DateTime FirstAtUtc;
        public DateTime BlockedUntilUtc = DateTime.MinValue;
    }
}

using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Rapport.Data;

namespace Rapport.Features.Account;

/// <summary>Sign-in answers must not tell whether an email has an account. A known account is locked
/// after five wrong passwords, and its password is hashed on every try before that; so an unknown email
/// is "locked" after five tries too (remembered here, in memory, for the same 15 minutes), and until
/// then each try checks a throwaway hash with the app's own hasher, so both answers do the same work.</summary>
public sealed class UnknownAccountAttempts(IOptions<IdentityOptions> identity, IOptions<PasswordHasherOptions> hashing, TimeProvider clock)
{
    // Bounded: a flood of made-up emails (already slowed per address) cannot fill the memory.
    private readonly MemoryCache _failures = new(new MemoryCacheOptions { SizeLimit = 50_000 });

    // Made once with the app's hashing options, so checking against it costs what checking a real password does.
    private readonly Lazy<string> _throwawayHash = new(() => new PasswordHasher<RapportUser>(hashing).HashPassword(new RapportUser(), Guid.NewGuid().ToString()));

    private LockoutOptions Lockout => identity.Value.Lockout;

    public bool IsLockedOut(string email) =>
        _failures.TryGetValue(Key(email), out Failures? failures) && failures!.LockedUntilUtc > clock.GetUtcNow().UtcDateTime;

    /// <summary>Spends the check a real account's wrong password gets, with the same (request's) hasher.</summary>
    public void CheckThrowaway(IPasswordHasher<RapportUser> hasher, string password) =>
        hasher.VerifyHashedPassword(new RapportUser(), _throwawayHash.Value, password);

    /// <summary>Counts a failure; true when the email now "locks".</summary>
    public bool Fail(string email)
    {
        var key = Key(email);
        var now = clock.GetUtcNow().UtcDateTime;
        lock (_failures)
        {
            if (!_failures.TryGetValue(key, out Failures? failures) || failures!.LockedUntilUtc <= now && failures.LockedUntilUtc != DateTime.MinValue)
                failures = new Failures();
            failures.Count++;
            if (failures.Count >= Lockout.MaxFailedAccessAttempts) failures.LockedUntilUtc = now + Lockout.DefaultLockoutTimeSpan;
            _failures.Set(key, failures, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Lockout.DefaultLockoutTimeSpan });
            return failures.LockedUntilUtc > now;
        }
    }

    private static string Key(string email) => email.Trim().ToUpperInvariant();

    private sealed class Failures
    {
        public int Count;
        public DateTime LockedUntilUtc = DateTime.MinValue;
    }
}

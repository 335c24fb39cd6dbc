using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Caching.Memory;
using Rapport.Features.Reminders;
using Rapport.Web;

namespace Rapport.Features.Account;

/// <summary>What a registration carries from the form to the emailed link (sealed in the link's key).</summary>
public sealed record PendingRegistration(string Email, string DisplayName, string TimeZoneId, DateTime IssuedAtUtc);

/// <summary>With a mail server set up, registration answers every email the same way ("check your email")
/// and the email says the rest: a new address gets a link to finish (choosing the password there), an
/// address that has an account is told so and pointed to sign-in. The link's key is the registration
/// sealed with the app's data-protection keys: nothing is stored until the link is followed. Neither
/// email holds anything the form's sender typed except the address itself, so the form cannot be used to
/// send someone a message of the sender's choosing.</summary>
public sealed class RegistrationMail(SmtpMail mail, IDataProtectionProvider protection, PublicUrl links, TimeProvider clock, ILogger<RegistrationMail> log)
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(24);

    /// <summary>A stranger could make the form email any address over and over: each address gets at most
    /// this many registration emails an hour; past that the form answers the same and nothing is sent.</summary>
    public const int EmailsPerAddressPerHour = 3;

    public const string FinishPath = "/account/register/finish";

    private readonly IDataProtector _protector = protection.CreateProtector("Rapport.Account.Registration.v1");
    private readonly MemoryCache _sent = new(new MemoryCacheOptions { SizeLimit = 50_000 });

    public bool IsOn => mail.IsConfigured;

    public async Task SendAsync(string email, bool hasAccount, string displayName, string timeZoneId)
    {
        if (!MaySendTo(email))
        {
            log.LogWarning(new EventId(1103, "RegistrationEmailHeldBack"), "A registration email was not sent: the address had {Count} this hour", EmailsPerAddressPerHour);
            return;
        }
        if (hasAccount)
        {
            await mail.SendAsync(email, "Your Rapport account", Lines(
                "Someone, perhaps you, tried to create a Rapport account with this email address.",
                "You already have one, so nothing was changed.",
                "",
                "To use it, sign in: " + links.For("/account/sign-in"),
                "",
                "If it was not you, you can ignore this email."));
            return;
        }
        var key = Seal(new PendingRegistration(email, displayName, timeZoneId, clock.GetUtcNow().UtcDateTime));
        await mail.SendAsync(email, "Finish creating your Rapport account", Lines(
            "To finish creating your Rapport account, open this link and choose your password:",
            "",
            links.For(FinishPath) + "?key=" + key,
            "",
            $"The link works for {LinkLifetime.TotalHours:0} hours.",
            "If you did not ask for an account, you can ignore this email: nothing is made until the link is used."));
    }

    /// <summary>The registration in a link's key, or null when the key is not one of ours or has expired.</summary>
    public PendingRegistration? Open(string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 4_000) return null;
        try
        {
            var json = _protector.Unprotect(WebEncoders.Base64UrlDecode(key));
            var pending = JsonSerializer.Deserialize<PendingRegistration>(json);
            if (pending is null || pending.IssuedAtUtc + LinkLifetime < clock.GetUtcNow().UtcDateTime) return null;
            return pending;
        }
        catch (Exception e) when (e is CryptographicException or FormatException or JsonException)
        {
            return null;
        }
    }

    private string Seal(PendingRegistration pending) =>
        WebEncoders.Base64UrlEncode(_protector.Protect(JsonSerializer.SerializeToUtf8Bytes(pending)));

    private bool MaySendTo(string email)
    {
        var key = email.Trim().ToUpperInvariant();
        var now = clock.GetUtcNow().UtcDateTime;
        lock (_sent)
        {
            var times = _sent.Get<List<DateTime>>(key) ?? [];
            times.RemoveAll(t => t <= now - TimeSpan.FromHours(1));
            if (times.Count >= EmailsPerAddressPerHour) return false;
            times.Add(now);
            _sent.Set(key, times, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });
            return true;
        }
    }

    // Mail wants CRLF line ends.
    private static string Lines(params string[] lines) => string.Join("\r\n", lines) + "\r\n";
}

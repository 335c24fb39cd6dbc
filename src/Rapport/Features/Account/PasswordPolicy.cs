using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Rapport.Data;

namespace Rapport.Features.Account;

/// <summary>Length over composition: at least 12 characters, at most 1,024 (hashing a huge input is
/// a cheap way to load the server), any characters at all, and not one of the well-known ones.</summary>
public static class PasswordPolicy
{
    public const int MinLength = 12;
    public const int MaxLength = 1_024;

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommon);

    public static IEnumerable<string> Problems(string? password, string? email)
    {
        password ??= "";
        if (password.Length < MinLength)
        {
            yield return $"Use at least {MinLength} characters. A few ordinary words in a row make a strong password.";
            yield break;
        }
        if (password.Length > MaxLength)
        {
            yield return $"Use at most {MaxLength:N0} characters.";
            yield break;
        }
        var lowered = password.ToLowerInvariant();
        if (Common.Value.Contains(lowered) || IsOneRepeatedRun(lowered) || IsSequence(lowered))
            yield return "This password is one of the most common ones. Choose something less predictable.";
        else if (!string.IsNullOrEmpty(email) && lowered.Contains(email.ToLowerInvariant(), StringComparison.Ordinal))
            yield return "Do not use your email address as your password.";
    }

    /// <summary>"abcabcabcabc", "aaaaaaaaaaaa": a short run repeated.</summary>
    private static bool IsOneRepeatedRun(string password)
    {
        for (var run = 1; run <= 4; run++)
        {
            var unit = password[..run];
            var repeated = true;
            for (var i = 0; i < password.Length; i++)
            {
                if (password[i] != unit[i % run]) { repeated = false; break; }
            }
            if (repeated) return true;
        }
        return false;
    }

    /// <summary>"123456789012", "abcdefghijkl", "987654321098": each character one step from the last.</summary>
    private static bool IsSequence(string password)
    {
        bool Steps(int step)
        {
            for (var i = 1; i < password.Length; i++)
            {
                var diff = password[i] - password[i - 1];
                var wraps = char.IsDigit(password[i]) && char.IsDigit(password[i - 1]) && (diff == -9 * step);
                if (diff != step && !wraps) return false;
            }
            return true;
        }
        return Steps(1) || Steps(-1);
    }

    private static HashSet<string> LoadCommon()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Rapport.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is missing from the build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            set.Add(line.ToLowerInvariant());
        }
        return set;
    }
}

/// <summary>Plugs <see cref="PasswordPolicy"/> into Identity, whose own rules are all switched off.</summary>
public sealed class PasswordPolicyValidator : IPasswordValidator<RapportUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<RapportUser> manager, RapportUser user, string? password)
    {
        var errors = PasswordPolicy.Problems(password, user.Email)
            .Select(p => new IdentityError { Code = "PasswordPolicy", Description = p })
            .ToArray();
        return Task.FromResult(errors.Length == 0 ? IdentityResult.Success : IdentityResult.Failed(errors));
    }
}

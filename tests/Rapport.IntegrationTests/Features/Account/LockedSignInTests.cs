using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Data;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Features.Account;

/// <summary>A locked account and a made-up email must not be told apart by how their answers are made.
/// Timing on a shared machine is not trusted, so the work is counted instead: password-hash checks
/// (through the app's own hasher, wrapped here) and SQL commands (the app's Server-Timing count), and
/// the answers are compared byte for byte.</summary>
public class LockedSignInTests
{
    /// <summary>The app's hasher, counting what it is asked to do.</summary>
    private sealed class CountingHasher : IPasswordHasher<RapportUser>
    {
        private readonly PasswordHasher<RapportUser> _inner = new();
        private int _checks;

        public int Checks => Volatile.Read(ref _checks);

        public string HashPassword(RapportUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(RapportUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _checks);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private sealed record Answer(int HashChecks, string SqlCommands, string Headers, string Body);

    [Fact]
    public async Task Locked_real_and_made_up_accounts_answer_with_the_same_work_and_the_same_bytes()
    {
        var hasher = new CountingHasher();
        await using var app = await RapportApp.StartAsync(new() { [Rapport.Data.SqlCommandCount.Setting] = "true" },
            services: s => s.AddSingleton<IPasswordHasher<RapportUser>>(hasher));
        var user = await app.SignUpAsync();
        var madeUp = $"nobody-{Guid.NewGuid():N}@example.com";

        // Before the lock: one check each, the same answer.
        var realFirst = await AnswerAsync(user.Email, "a wrong pass phrase 0");
        var madeUpFirst = await AnswerAsync(madeUp, "a wrong pass phrase 0");
        Assert.Equal(1, realFirst.HashChecks);
        Assert.Equal(realFirst.HashChecks, madeUpFirst.HashChecks);
        Assert.Equal(realFirst.Body, madeUpFirst.Body);
        for (var i = 1; i < 5; i++)
        {
            await AnswerAsync(user.Email, $"a wrong pass phrase {i}");
            await AnswerAsync(madeUp, $"a wrong pass phrase {i}");
        }

        // Locked: the right password, a wrong one and a made-up email all take the same path.
        var right = await AnswerAsync(user.Email, user.Password);
        var wrong = await AnswerAsync(user.Email, "a wrong pass phrase 9");
        var madeUpLocked = await AnswerAsync(madeUp, user.Password);
        Assert.Contains("locked for 15 minutes", right.Body);
        Assert.Equal(0, right.HashChecks);
        Assert.All(new[] { wrong, madeUpLocked }, answer => Assert.Equal(right, answer));

        async Task<Answer> AnswerAsync(string email, string password)
        {
            var client = app.CreateAppClient();
            var page = await client.GetPageAsync("/account/sign-in");
            var before = hasher.Checks;
            var response = await client.SubmitAsync(page, "main form", new() { ["Input.Email"] = email, ["Input.Password"] = password });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var sql = string.Join(",", response.Headers.GetValues("Server-Timing"));
            // The form's token differs on every answer, and the email typed is shown back in its field.
            var body = Regex.Replace(await response.Content.ReadAsStringAsync(), @"CfDJ8[\w-]+", "token").Replace(email, "{email}");
            var headers = response.Headers.Concat(response.Content.Headers).Where(h => h.Key is not ("Date" or "Server-Timing"))
                .OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => $"{h.Key}: {string.Join(", ", h.Value)}");
            return new Answer(hasher.Checks - before, sql, string.Join("\n", headers), body);
        }
    }
}

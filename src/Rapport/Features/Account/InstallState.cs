using Microsoft.EntityFrameworkCore;
using Rapport.Data;

namespace Rapport.Features.Account;

/// <summary>Whether the owner's account exists yet. Until it does, every page leads to the first-run
/// setup; once it does, setup is gone for good. Remembered after the first "yes" to spare a query.</summary>
public sealed class InstallState(IServiceScopeFactory scopes)
{
    private volatile bool _hasAccounts;

    /// <summary>Held while the first account is made, so two visitors cannot both become the owner.</summary>
    public SemaphoreSlim SetupLock { get; } = new(1, 1);

    public async Task<bool> HasAccountsAsync(CancellationToken cancellationToken = default)
    {
        if (_hasAccounts) return true;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDb>();
        _hasAccounts = await db.Users.AnyAsync(cancellationToken);
        return _hasAccounts;
    }

    public void AccountCreated() => _hasAccounts = true;

    /// <summary>The last account was deleted: the next visit makes a new owner at setup.</summary>
    public void AccountsRemoved() => _hasAccounts = false;
}

public static class FirstRun
{
    public const string SetupPath = "/account/setup";

    /// <summary>On a new install, sends every visit to the setup page that makes the owner's account.</summary>
    public static IApplicationBuilder UseFirstRunSetup(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        var exempt = path.StartsWithSegments(SetupPath, StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/error", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/calendar", StringComparison.OrdinalIgnoreCase);
        if (!exempt && !await context.RequestServices.GetRequiredService<InstallState>().HasAccountsAsync(context.RequestAborted))
        {
            context.Response.Redirect(SetupPath);
            return;
        }
        await next();
    });
}

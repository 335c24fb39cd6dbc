using Rapport.Data;

namespace Rapport.Features.FollowUps;

/// <summary>Work done outside a web request (start-up, a command, a background job): a scope of its own, acting
/// for one person when it names them, and the rule pass at its end for whoever's facts the work wrote. Requests
/// get their pass from the pipeline; anything else that writes goes through here, so it never has to remember
/// the rules.</summary>
public static class WorkOutsideRequests
{
    public static async Task<T> RunOutsideRequestAsync<T>(this IServiceScopeFactory scopes, string? ownerId, Func<IServiceProvider, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = scopes.CreateAsyncScope();
        if (ownerId is not null) scope.ServiceProvider.GetRequiredService<CurrentOwner>().ActAs(ownerId);
        var result = await work(scope.ServiceProvider);
        await scope.ServiceProvider.GetRequiredService<RulePass>().RunIfFactsChangedAsync();
        return result;
    }

    public static Task RunOutsideRequestAsync(this IServiceScopeFactory scopes, string? ownerId, Func<IServiceProvider, Task> work) =>
        scopes.RunOutsideRequestAsync(ownerId, async services =>
        {
            await work(services);
            return true;
        });

    public static Task RunOutsideRequestAsync(this IServiceProvider services, string? ownerId, Func<IServiceProvider, Task> work) =>
        services.GetRequiredService<IServiceScopeFactory>().RunOutsideRequestAsync(ownerId, work);
}

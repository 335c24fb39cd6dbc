using Rapport.Data;

namespace Rapport.Features.FollowUps;

/// <summary>The one place the follow-up rules run: once for each person whose facts this scope wrote
/// (<see cref="RuleFactChanges"/>), after the writes committed, and never when nothing was written (a page
/// view makes no pass). It runs <see cref="FollowUpEngine"/> in a scope of its own acting as that person, so
/// whatever the writer left in its own context (and whoever is signed in) does not matter. Requests get it
/// from <see cref="RulePassFilter"/> and <see cref="RulePassMiddleware"/>, other work from
/// <see cref="WorkOutsideRequests"/> (docs/decisions/012-rules-follow-from-saving.md).</summary>
public sealed class RulePass(RuleFactChanges changes, IServiceScopeFactory scopes, Web.RapportMetrics metrics)
{
    public async Task RunIfFactsChangedAsync()
    {
        // Not the request's cancellation: the facts are saved, so their tasks are made even if the browser has gone.
        foreach (var owner in changes.Take())
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentOwner>().ActAs(owner);
            await scope.ServiceProvider.GetRequiredService<FollowUpEngine>().SyncAsync();
            metrics.RulePassRun();
        }
    }
}

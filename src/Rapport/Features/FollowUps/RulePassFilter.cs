using Microsoft.AspNetCore.Mvc.Filters;

namespace Rapport.Features.FollowUps;

/// <summary>Runs the rule pass once per page request, after the handler ran without an unhandled exception and
/// before its result is rendered: the page a redirect leads to, or the fragment htmx swaps in, already shows the
/// tasks that follow from what was saved. Registered first, so it wraps the other page filters and sees a save
/// conflict another filter answered as handled.</summary>
public sealed class RulePassFilter(RulePass pass) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var executed = await next();
        if (executed.Exception is null || executed.ExceptionHandled) await pass.RunIfFactsChangedAsync();
    }
}

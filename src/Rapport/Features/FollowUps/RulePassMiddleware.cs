namespace Rapport.Features.FollowUps;

public static class RulePassMiddleware
{
    /// <summary>The rule pass for whatever a request wrote outside a page handler (an endpoint that is not a page,
    /// a middleware): after the rest of the pipeline, when the answer is already written, which is why pages have
    /// <see cref="RulePassFilter"/> and leave nothing for this.</summary>
    public static IApplicationBuilder UseRulePass(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        await next(context);
        await context.RequestServices.GetRequiredService<RulePass>().RunIfFactsChangedAsync();
    });
}

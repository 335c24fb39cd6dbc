using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Rapport.Features.Account;

/// <summary>Bound from the <c>SignInLimits</c> section: how many password posts (sign-in,
/// registration and its emailed link, setup, password change, feed renewal) one client address may make per window.</summary>
public sealed class SignInLimitOptions
{
    public int PermitLimit { get; set; } = 20;
    public int WindowSeconds { get; set; } = 60;
}

/// <summary>Guessing passwords from one address is slowed here, before any password is hashed;
/// guessing one account from many addresses is stopped by the account's lockout.</summary>
public static class SignInLimits
{
    private static readonly string[] LimitedPaths =
        ["/account/sign-in", "/account/register", "/account/register/finish", "/account/setup", "/account/change-password", "/account/calendar"];

    public static IServiceCollection AddSignInLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SignInLimitOptions>(configuration.GetSection("SignInLimits"));
        services.AddRateLimiter(options =>
        {
            // The framework answers 503 by default; 429 tells the browser (and the person) to wait.
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!IsLimited(context.Request)) return RateLimitPartition.GetNoLimiter("");
                var limits = context.RequestServices.GetRequiredService<IOptions<SignInLimitOptions>>().Value;
                var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, limits.PermitLimit),
                    Window = TimeSpan.FromSeconds(Math.Max(1, limits.WindowSeconds)),
                    QueueLimit = 0,
                });
            });
            options.OnRejected = (context, _) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(60);
                var seconds = (int)Math.Ceiling(Math.Max(1, wait.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                context.HttpContext.Items[RetryAfterItem] = seconds;
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignInLimits).FullName!)
                    .LogWarning(new EventId(1101, "SignInLimitReached"), "Password posts refused for {ClientAddress} for {Seconds} s",
                        context.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown", seconds);
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>The error page reads this to say how long to wait.</summary>
    public const string RetryAfterItem = "rapport:retry-after";

    private static bool IsLimited(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && LimitedPaths.Any(path => request.Path.Equals(path, StringComparison.OrdinalIgnoreCase));
}

using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Rapport.Web;

/// <summary>The log's one way in: see <see cref="RedactedLoggerFactory"/>, <see cref="LogRedaction"/> and
/// <see cref="RepeatedFailures"/>.</summary>
public static class RedactedLogging
{
    /// <summary>Puts <see cref="RedactedLoggerFactory"/> in front of the usual factory, with the providers and
    /// filters registered by then or later (the factory is made when first asked for).</summary>
    public static IServiceCollection AddRedactedLogging(this IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(provider => new RedactedLoggerFactory(new LoggerFactory(
            provider.GetServices<ILoggerProvider>(),
            provider.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            provider.GetService<IOptions<LoggerFactoryOptions>>(),
            provider.GetService<IExternalScopeProvider>()))));
}

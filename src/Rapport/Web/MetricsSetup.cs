using OpenTelemetry.Metrics;

namespace Rapport.Web;

/// <summary>OpenTelemetry metrics (ASP.NET Core, outgoing HTTP, the runtime, EF Core and Npgsql, and Rapport's own),
/// exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, and as Prometheus text at <c>/metrics</c> when
/// <c>Metrics:Prometheus</c> is true (Features/Health/MetricsEndpoint says who may read it). Neither is on by default:
/// then nothing listens, and measuring costs nothing.</summary>
public static class MetricsSetup
{
    public const string PrometheusSetting = "Metrics:Prometheus";
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static bool PrometheusOn(IConfiguration configuration) => configuration.GetValue<bool>(PrometheusSetting);

    public static IServiceCollection AddRapportMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<RapportMetrics>();
        var prometheus = PrometheusOn(configuration);
        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointSetting]);
        if (!prometheus && !otlp) return services;
        services.AddOpenTelemetry().WithMetrics(metrics =>
        {
            metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation()
                .AddMeter("Microsoft.EntityFrameworkCore", "Npgsql", RapportMetrics.MeterName);
            if (prometheus) metrics.AddPrometheusExporter();
            // Endpoint, protocol and headers from the standard OTEL_EXPORTER_OTLP_* variables.
            if (otlp) metrics.AddOtlpExporter();
        });
        return services;
    }
}

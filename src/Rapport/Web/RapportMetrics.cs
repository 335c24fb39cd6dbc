using System.Diagnostics.Metrics;

namespace Rapport.Web;

/// <summary>Rapport's own counters, beside ASP.NET Core's, the runtime's and the database drivers': what a self-hoster
/// watches to know the install is used and healthy. Counting costs next to nothing while no exporter listens
/// (metrics are exported only when a setting asks: <see cref="MetricsSetup"/>).</summary>
public sealed class RapportMetrics
{
    public const string MeterName = "Rapport";

    private readonly Counter<long> _imports;
    private readonly Counter<long> _importedPeople;
    private readonly Counter<long> _rulePasses;
    private readonly Counter<long> _digestsSent;
    private readonly Counter<long> _signInFailures;

    public RapportMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _imports = meter.CreateCounter<long>("rapport.imports", "{import}", "Imports confirmed, by kind of file");
        _importedPeople = meter.CreateCounter<long>("rapport.imports.people", "{person}", "People added or updated by imports");
        _rulePasses = meter.CreateCounter<long>("rapport.rule_passes", "{pass}", "Follow-up rule passes run for a person whose facts changed");
        _digestsSent = meter.CreateCounter<long>("rapport.digests.sent", "{email}", "Daily reminder emails sent");
        _signInFailures = meter.CreateCounter<long>("rapport.sign_in.failures", "{attempt}", "Sign-ins refused, by reason");
    }

    public void Imported(string kind, long people)
    {
        _imports.Add(1, new KeyValuePair<string, object?>("kind", kind));
        _importedPeople.Add(people, new KeyValuePair<string, object?>("kind", kind));
    }

    public void RulePassRun() => _rulePasses.Add(1);

    public void DigestSent() => _digestsSent.Add(1);

    /// <param name="reason"><c>wrong_password</c>, <c>locked_out</c>.</param>
    public void SignInFailed(string reason) => _signInFailures.Add(1, new KeyValuePair<string, object?>("reason", reason));
}

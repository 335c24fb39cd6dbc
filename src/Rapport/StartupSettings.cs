using System.Net;
using Microsoft.Data.Sqlite;
using Npgsql;
using Rapport.Data;
using Rapport.Features.Account;
using Rapport.Features.ImportExport;
using Rapport.Features.Reminders;
using Rapport.Web;

namespace Rapport;

/// <summary>One setting that stops the start, named as a self-hoster sets it (<c>Database__Provider</c>).</summary>
public sealed record SettingProblem(string Setting, string Problem)
{
    public override string ToString() => $"{Setting}: {Problem}";
}

/// <summary>Every setting is checked before the app builds anything: a wrong one stops the start with one line per
/// problem, naming the setting and what is wrong, before a database is opened, migrated or a port is bound. Binding
/// options later (or <c>ValidateOnStart</c>) would fail only once the host runs, as a stack trace, and some settings
/// (the data folder, the database) are read while the services are registered.</summary>
public static class StartupSettings
{
    public static IReadOnlyList<SettingProblem> Check(IConfiguration configuration, string contentRoot)
    {
        var problems = new List<SettingProblem>();
        CheckDatabase(configuration, problems);
        CheckDataFolder(configuration, contentRoot, problems);
        CheckPublicUrl(configuration, problems);
        CheckEmail(configuration, problems);
        CheckNumbers(configuration, "SignInLimits", problems, (nameof(SignInLimitOptions.PermitLimit), 1, 10_000_000),
            (nameof(SignInLimitOptions.WindowSeconds), 1, 86_400));
        CheckNumbers(configuration, "Imports", problems, (nameof(ImportOptions.MaxPendingUploads), 1, 100),
            (nameof(ImportOptions.MaxPendingMegabytes), 1, 10_000));
        CheckChoice<RegistrationMode>(configuration, "Accounts:Registration", problems);
        CheckFlag(configuration, ProxyHeaders.TrustSetting, problems);
        CheckFlag(configuration, "Metrics:Prometheus", problems);
        CheckLogFormat(configuration, problems);
        CheckProxies(configuration, problems);
        return problems;
    }

    /// <summary>How a setting is written in the environment: <c>Database:Provider</c> is <c>Database__Provider</c>.</summary>
    public static string EnvironmentName(string key) => key.Replace(":", "__", StringComparison.Ordinal);

    private static void CheckDatabase(IConfiguration configuration, List<SettingProblem> problems)
    {
        var provider = DatabaseProvider.Sqlite;
        var named = configuration["Database:Provider"];
        if (!string.IsNullOrWhiteSpace(named) && !TryChoice(named, out provider))
        {
            problems.Add(new(EnvironmentName("Database:Provider"), $"'{named}' is not a database Rapport knows: use Sqlite or PostgreSql."));
            return;
        }
        var key = configuration["Database:ConnectionString"] is not null ? "Database:ConnectionString" : "ConnectionStrings:Rapport";
        var connectionString = configuration[key];
        if (provider == DatabaseProvider.PostgreSql && string.IsNullOrWhiteSpace(connectionString))
        {
            problems.Add(new(EnvironmentName("Database:ConnectionString"), "is not set, and PostgreSql needs one (Host=...;Database=...;Username=...;Password=...)."));
            return;
        }
        if (string.IsNullOrWhiteSpace(connectionString)) return;
        try
        {
            if (provider == DatabaseProvider.PostgreSql)
            {
                var builder = new NpgsqlConnectionStringBuilder(connectionString);
                if (string.IsNullOrWhiteSpace(builder.Host)) throw new ArgumentException("it names no Host.");
            }
            else
            {
                _ = new SqliteConnectionStringBuilder(connectionString);
            }
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            // The message of a malformed string never repeats the string: it may hold a password.
            problems.Add(new(EnvironmentName(key), $"is not a connection string {(provider == DatabaseProvider.PostgreSql ? "PostgreSQL" : "SQLite")} understands ({Reason(e)})."));
        }
    }

    private static void CheckDataFolder(IConfiguration configuration, string contentRoot, List<SettingProblem> problems)
    {
        var configured = configuration[DataFolder.Setting];
        var path = DataFolder.PathFrom(configuration, contentRoot);
        try
        {
            Directory.CreateDirectory(path);
            var probe = Path.Combine(path, $".write-check-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var shown = string.IsNullOrWhiteSpace(configured) ? $"the default folder '{path}'" : Path.IsPathRooted(configured) ? $"'{path}'" : $"'{configured}' (that is {path})";
            problems.Add(new(EnvironmentName(DataFolder.Setting), $"{shown} cannot be written ({Reason(e)}). Give the app's user a folder it may write, with an absolute path."));
        }
    }

    private static void CheckPublicUrl(IConfiguration configuration, List<SettingProblem> problems)
    {
        var configured = configuration[PublicUrl.Setting];
        if (string.IsNullOrWhiteSpace(configured)) return;
        if (PublicUrl.Read(configured) is null)
            problems.Add(new(EnvironmentName(PublicUrl.Setting), $"'{configured}' is not an absolute http or https address (like https://rapport.example.org)."));
    }

    private static void CheckEmail(IConfiguration configuration, List<SettingProblem> problems)
    {
        CheckNumbers(configuration, "Email", problems, (nameof(SmtpOptions.Port), 1, 65_535));
        CheckFlag(configuration, "Email:EnableSsl", problems);
        CheckChoice<MailSecurity>(configuration, "Email:Security", problems);
        var pinned = configuration["Email:TrustedCertificate"];
        if (!string.IsNullOrWhiteSpace(pinned) && (pinned.Any(c => !Uri.IsHexDigit(c) && c is not (':' or ' '))
            || new SmtpOptions { TrustedCertificate = pinned }.TrustedFingerprint is not { Length: 64 }))
            problems.Add(new(EnvironmentName("Email:TrustedCertificate"), "is not a SHA-256 fingerprint (64 hexadecimal digits, colons allowed)."));
    }

    private static void CheckNumbers(IConfiguration configuration, string section, List<SettingProblem> problems, params (string Name, int Min, int Max)[] numbers)
    {
        foreach (var (name, min, max) in numbers)
        {
            var key = $"{section}:{name}";
            var value = configuration[key];
            if (value is null) continue;
            if (!int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number))
                problems.Add(new(EnvironmentName(key), $"'{value}' is not a whole number (from {min} to {max:N0})."));
            else if (number < min || number > max)
                problems.Add(new(EnvironmentName(key), $"{number} is out of range: from {min} to {max:N0}."));
        }
    }

    private static void CheckChoice<T>(IConfiguration configuration, string key, List<SettingProblem> problems) where T : struct, Enum
    {
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value) || TryChoice<T>(value, out _)) return;
        problems.Add(new(EnvironmentName(key), $"'{value}' is not one of {string.Join(", ", Enum.GetNames<T>())}."));
    }

    private static void CheckFlag(IConfiguration configuration, string key, List<SettingProblem> problems)
    {
        var value = configuration[key];
        if (value is null || bool.TryParse(value, out _)) return;
        problems.Add(new(EnvironmentName(key), $"'{value}' is not true or false."));
    }

    private static void CheckProxies(IConfiguration configuration, List<SettingProblem> problems)
    {
        var wrong = ProxyHeaders.Listed(configuration[ProxyHeaders.ProxiesSetting]).Where(a => !IPAddress.TryParse(a, out _)).ToList();
        if (wrong.Count > 0)
            problems.Add(new(EnvironmentName(ProxyHeaders.ProxiesSetting), $"'{string.Join("', '", wrong)}' is not an IP address (list the proxies' addresses, comma-separated)."));
    }

    /// <summary>The console log's formats that .NET has: an unknown name would fall back to none without a word.</summary>
    private static void CheckLogFormat(IConfiguration configuration, List<SettingProblem> problems)
    {
        var value = configuration["Logging:Console:FormatterName"];
        if (string.IsNullOrWhiteSpace(value) || value.Trim().ToLowerInvariant() is "simple" or "json" or "systemd") return;
        problems.Add(new(EnvironmentName("Logging:Console:FormatterName"), $"'{value}' is not a log format: use simple, json or systemd."));
    }

    /// <summary>A choice by its name, in any case; never by number, which the binder would take for any value.</summary>
    private static bool TryChoice<T>(string value, out T choice) where T : struct, Enum =>
        Enum.TryParse(value.Trim(), ignoreCase: true, out choice) && !value.Trim().All(c => char.IsDigit(c) || c == '-') && Enum.IsDefined(choice);

    private static string Reason(Exception e) => e.Message.TrimEnd('.').Split('\n')[0];
}

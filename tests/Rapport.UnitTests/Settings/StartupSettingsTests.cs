using Microsoft.Extensions.Configuration;

namespace Rapport.UnitTests.Settings;

public sealed class StartupSettingsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("rapport-settings-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private IReadOnlyList<SettingProblem> Check(params (string Key, string Value)[] settings) => StartupSettings.Check(
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build(), _root);

    [Fact]
    public void The_defaults_and_a_full_set_of_good_settings_pass()
    {
        Assert.Empty(Check());
        Assert.Empty(Check(("Database:Provider", "postgresql"), ("Database:ConnectionString", "Host=db;Database=rapport;Username=rapport;Password=x"),
            ("App:DataDirectory", Path.Combine(_root, "data")), ("App:PublicUrl", "https://rapport.example.org"), ("Email:Port", "465"),
            ("Email:EnableSsl", "true"), ("SignInLimits:PermitLimit", "20"), ("Accounts:Registration", "Open"), ("App:KnownProxies", "10.0.0.2, ::1")));
        Assert.True(Directory.Exists(Path.Combine(_root, "data")));
    }

    [Theory]
    [InlineData("Mongo")]
    [InlineData("1")]
    public void A_provider_Rapport_does_not_know_is_named(string provider)
    {
        var problem = Assert.Single(Check(("Database:Provider", provider)));
        Assert.Equal("Database__Provider", problem.Setting);
        Assert.Equal($"'{provider}' is not a database Rapport knows: use Sqlite or PostgreSql.", problem.Problem);
    }

    [Theory]
    [InlineData("PostgreSql", "Host=localhost;Password=s3cret-value;Port")]
    [InlineData("PostgreSql", "Password=s3cret-value;Port=five")]
    [InlineData("PostgreSql", "Username=rapport;Password=s3cret-value")]
    [InlineData("Sqlite", "Data Source=rapport.db;Password=s3cret-value;Mode=Sideways")]
    public void A_malformed_connection_string_is_named_without_repeating_its_secrets(string provider, string connectionString)
    {
        var problem = Assert.Single(Check(("Database:Provider", provider), ("Database:ConnectionString", connectionString)));
        Assert.Equal("Database__ConnectionString", problem.Setting);
        Assert.StartsWith("is not a connection string", problem.Problem);
        Assert.DoesNotContain("s3cret", problem.ToString());
    }

    [Fact]
    public void PostgreSql_without_a_connection_string_says_so()
    {
        var problem = Assert.Single(Check(("Database:Provider", "PostgreSql")));
        Assert.Equal("Database__ConnectionString", problem.Setting);
    }

    [Fact]
    public void A_relative_data_folder_that_cannot_be_written_is_named_with_where_it_points()
    {
        File.WriteAllText(Path.Combine(_root, "a-file"), "");
        var problem = Assert.Single(Check(("App:DataDirectory", "a-file/data")));
        Assert.Equal("App__DataDirectory", problem.Setting);
        Assert.Contains($"'a-file/data' (that is {Path.Combine(_root, "a-file", "data")}) cannot be written", problem.Problem);
    }

    [Theory]
    [InlineData("rapport.example.org")]
    [InlineData("/rapport")]
    [InlineData("ftp://rapport.example.org")]
    public void A_public_address_that_is_not_absolute_http_is_named(string url)
    {
        var problem = Assert.Single(Check(("App:PublicUrl", url)));
        Assert.Equal("App__PublicUrl", problem.Setting);
        Assert.Contains($"'{url}' is not an absolute http or https address", problem.Problem);
    }

    [Theory]
    [InlineData("0", "0 is out of range: from 1 to 65,535.")]
    [InlineData("70000", "70000 is out of range: from 1 to 65,535.")]
    [InlineData("smtp", "'smtp' is not a whole number (from 1 to 65,535).")]
    public void An_smtp_port_out_of_range_is_named(string port, string said)
    {
        var problem = Assert.Single(Check(("Email:Port", port)));
        Assert.Equal("Email__Port", problem.Setting);
        Assert.Equal(said, problem.Problem);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("Simple")]
    [InlineData("systemd")]
    public void The_log_formats_dotnet_has_pass(string format) => Assert.Empty(Check(("Logging:Console:FormatterName", format)));

    [Fact]
    public void An_unknown_log_format_or_mail_protection_is_named()
    {
        Assert.Equal("'xml' is not a log format: use simple, json or systemd.", Assert.Single(Check(("Logging:Console:FormatterName", "xml"))).Problem);
        Assert.Equal("Email__Security", Assert.Single(Check(("Email:Security", "Tls"))).Setting);
        Assert.Equal("Email__TrustedCertificate", Assert.Single(Check(("Email:TrustedCertificate", "not-a-fingerprint"))).Setting);
        Assert.Empty(Check(("Email:Security", "SslOnConnect"), ("Email:TrustedCertificate", string.Join(":", Enumerable.Repeat("AB", 32)))));
        Assert.Equal("Metrics__Prometheus", Assert.Single(Check(("Metrics:Prometheus", "on"))).Setting);
    }

    [Fact]
    public void Every_wrong_setting_is_named_at_once_in_the_order_they_are_checked()
    {
        File.WriteAllText(Path.Combine(_root, "a-file"), "");
        var problems = Check(("Database:Provider", "Mongo"), ("App:DataDirectory", "a-file/data"), ("App:PublicUrl", "nowhere"),
            ("Email:Port", "-1"), ("Accounts:Registration", "Sometimes"), ("App:TrustForwardedHeaders", "yes"), ("App:KnownProxies", "10.0.0.1, proxy.local"),
            ("SignInLimits:WindowSeconds", "0"));
        Assert.Equal(["Database__Provider", "App__DataDirectory", "App__PublicUrl", "Email__Port", "SignInLimits__WindowSeconds",
            "Accounts__Registration", "App__TrustForwardedHeaders", "App__KnownProxies"], problems.Select(p => p.Setting));
        Assert.Contains("'proxy.local' is not an IP address", problems[^1].Problem);
    }
}

using System.Net;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Hosting;

/// <summary>The Dockerfile and compose.yaml name only settings the app reads and paths the image has: a misspelt
/// variable would be ignored without a word, and a volume on the wrong path would lose the data with the container.
/// (No container can be built where the tests run: PublishedStartTests starts the published app the same way.)</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class ContainerFilesTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    /// <summary>Read by the .NET runtime or the C library, not the app; the README says why each is set.</summary>
    private static readonly string[] RuntimeVariables = ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "MALLOC_ARENA_MAX"];

    [Fact]
    public void Every_variable_the_image_and_compose_set_for_Rapport_is_a_setting_the_app_reads()
    {
        var documented = ContainerFiles.DocumentedSettings();
        Assert.Contains("Database__Provider", documented); // the table was found and read
        var set = ContainerFiles.DockerfileEnvironment().Keys.Concat(ContainerFiles.ComposeService("rapport").Environment.Keys).ToList();
        Assert.NotEmpty(set);
        var unknown = set.Where(v => !documented.Contains(v) && !RuntimeVariables.Contains(v)).ToList();
        Assert.True(unknown.Count == 0, $"Set but not a setting of the README's table: {string.Join(", ", unknown)}");
    }

    [Fact]
    public void The_data_folder_is_the_volume_in_the_image_and_in_compose_and_the_app_folder_is_where_the_entry_point_looks()
    {
        var data = ContainerFiles.DockerfileEnvironment()["App__DataDirectory"];
        Assert.Equal("/data", data);
        Assert.Equal([data], ContainerFiles.DockerfileRun("VOLUME"));
        var rapport = ContainerFiles.ComposeService("rapport");
        Assert.Equal(data, rapport.Environment["App__DataDirectory"]);
        Assert.Contains(rapport.Volumes, v => v.EndsWith(":" + data, StringComparison.Ordinal));
        Assert.Contains(ContainerFiles.ComposeService("db").Volumes, v => v.EndsWith(":/var/lib/postgresql/data", StringComparison.Ordinal));

        Assert.Equal(["[\"dotnet\", \"/app/Rapport.dll\"]"], ContainerFiles.DockerfileRun("ENTRYPOINT"));
        Assert.Contains(ContainerFiles.DockerfileRun("COPY"), c => c.EndsWith("/app /app", StringComparison.Ordinal));
        Assert.Contains("RUN SOURCE_COMMIT=\"$SOURCE_COMMIT\" scripts/publish /app", ContainerFiles.Dockerfile);
        Assert.True(File.Exists(Repository.PathOf("scripts", "publish")));
        Assert.True(File.GetUnixFileMode(Repository.PathOf("scripts", "publish")).HasFlag(UnixFileMode.UserExecute));
        Assert.Equal(["$APP_UID"], ContainerFiles.DockerfileRun("USER"));
    }

    [Fact]
    public async Task The_port_and_the_health_check_are_the_ones_the_app_listens_on_and_answers()
    {
        var port = new Uri(ContainerFiles.DockerfileEnvironment()["Urls"].Replace("+", "localhost")).Port;
        Assert.Equal([port.ToString()], ContainerFiles.DockerfileRun("EXPOSE"));
        var rapport = ContainerFiles.ComposeService("rapport");
        Assert.Equal($"http://+:{port}", rapport.Environment["Urls"]);
        Assert.Contains(rapport.Ports, p => p.EndsWith($":{port}", StringComparison.Ordinal));

        var check = Assert.Single(ContainerFiles.DockerfileRun("HEALTHCHECK"));
        var url = System.Text.RegularExpressions.Regex.Match(check, @"http://localhost:(\d+)(/\S*)");
        Assert.Equal(port.ToString(), url.Groups[1].Value);
        var answer = await fixture.App.CreateAppClient().GetAsync(url.Groups[2].Value);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    [Fact]
    public void Compose_takes_the_database_password_from_the_environment_file_and_waits_for_the_database()
    {
        Assert.DoesNotContain("POSTGRES_PASSWORD: rapport", ContainerFiles.Compose);
        var db = ContainerFiles.ComposeService("db");
        var rapport = ContainerFiles.ComposeService("rapport");
        Assert.StartsWith("${POSTGRES_PASSWORD:?", db.Environment["POSTGRES_PASSWORD"]);
        Assert.Contains("Password=${POSTGRES_PASSWORD:?", rapport.Environment["Database__ConnectionString"]);
        Assert.Throws<InvalidOperationException>(() => ContainerFiles.Interpolate(rapport.Environment["Database__ConnectionString"], new Dictionary<string, string>()));
        Assert.Contains("condition: service_healthy", ContainerFiles.Compose);
        Assert.Contains("pg_isready", ContainerFiles.Compose);
    }
}

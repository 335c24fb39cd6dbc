using Rapport;
using Rapport.Data;
using Rapport.Features;
using Rapport.Features.Account;
using Rapport.Features.Backup;
using Rapport.Features.Health;
using Rapport.Web;

// "backup" and "restore" do their work and exit; they never start the web server.
if (BackupCommands.IsCommand(args)) return await BackupCommands.RunAsync(args, Console.Out, Console.Error);

// "--demo" loads a sample account; it is not a configuration key, so take it out before the host reads args.
var demo = args.Contains("--demo");
var builder = WebApplication.CreateBuilder(args.Where(a => a != "--demo").ToArray());
if (demo) builder.Configuration["Demo:Enabled"] = "true";
// A service that outlives the request yet takes a per-request one fails at start in every environment, not only in Development.
builder.Host.UseDefaultServiceProvider(provider =>
{
    provider.ValidateScopes = true;
    provider.ValidateOnBuild = true;
});
// Every setting is checked before anything is opened or created: a wrong one stops the start with one line naming it.
if (StartupSettings.Check(builder.Configuration, builder.Environment.ContentRootPath) is { Count: > 0 } problems)
{
    foreach (var problem in problems) Console.Error.WriteLine($"Rapport cannot start: {problem}");
    return 1;
}
var dataFolder = new DataFolder(builder.Configuration, builder.Environment);
builder.Services.AddSingleton(dataFolder);

builder.Services.AddRapportData(builder.Configuration, dataFolder);
builder.Services.AddRapportIdentity(builder.Configuration, dataFolder);
builder.Services.AddRapportWeb(builder.Configuration);
builder.Services.AddRapportFeatures(builder.Configuration);

var app = builder.Build();

app.Services.GetRequiredService<DatabaseReadiness>().Begin(async () =>
{
    await app.Services.PrepareDatabaseAsync();
    await app.Services.LoadDemoDataIfAskedAsync(app.Logger);
}, app.Lifetime, app.Logger);

DatabaseReadiness.Use(app, Healthz.Live, Healthz.Ready);
app.UseRapportPipeline();
await app.RunAsync();
// 1 when the database could not be prepared (DatabaseReadiness): a start that failed must not look like a clean stop.
return Environment.ExitCode;

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;

using System.Net;
using Microsoft.Data.Sqlite;
using Rapport.Bench.Data;
using Rapport.Bench.Endurance;
using Rapport.Bench.Hosting;

namespace Rapport.Bench.Capacity;

/// <summary>What runs beside the people: the install's owner imports a 1,000-row LinkedIn export every minute (four
/// exports in turn: the first four add people, the later ones update them), and a backup is taken every five
/// minutes: on SQLite the owner's own "Back up now and download" (the app's <c>VACUUM INTO</c> copy, downloaded in
/// full), on PostgreSQL <c>pg_dump</c>, as the backup page tells the owner to. Each step starts with an import and
/// takes its first backup a quarter of the way in (at most 30 s), so every step carries both, however short.</summary>
public sealed class BesideThePeople(RapportSession owner, BenchDatabase database, string work, int seed)
{
    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();

    private readonly byte[][] _exports = Enumerable.Range(0, 4).Select(i => ConnectionsGenerator.Generate(1_000, 150, seed + 10_000 + i)).ToArray();
    private int _imported;

    public static bool CanBackUp(BenchDatabase database) => !database.IsPostgres || File.Exists(LoadRun.PgDumpPath);

    /// <summary>Runs from <paramref name="start"/> to <paramref name="until"/>; the answer counts what completed (backups -1 when none can run).</summary>
    public async Task<(int Imports, int Backups)> RunAsync(DateTime start, DateTime until, Tally tally)
    {
        var firstBackup = start + TimeSpan.FromSeconds(Math.Min(30, (until - start).TotalSeconds / 4));
        var imports = Task.Run(() => EveryAsync(start, CapacitySettings.ImportEvery, until, () => ImportAsync(tally)));
        var backups = CanBackUp(database) ? Task.Run(() => EveryAsync(firstBackup, CapacitySettings.BackupEvery, until, () => BackUpAsync(tally))) : Task.FromResult(-1);
        return (await imports, await backups);
    }

    private static async Task<int> EveryAsync(DateTime first, TimeSpan every, DateTime until, Func<Task<bool>> work)
    {
        var done = 0;
        for (var at = first; at < until; at += every)
        {
            var wait = at - DateTime.UtcNow;
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            if (await work()) done++;
        }
        return done;
    }

    private async Task<bool> ImportAsync(Tally tally)
    {
        try
        {
            await owner.ImportLinkedInAsync(_exports[_imported++ % _exports.Length]);
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            tally.Error("import: " + e.Message);
            return false;
        }
    }

    private async Task<bool> BackUpAsync(Tally tally)
    {
        try
        {
            if (database.IsPostgres)
            {
                var dump = Path.Combine(work, "capacity.dump");
                await LoadRun.PgDumpAsync(database, dump);
                File.Delete(dump);
                return true;
            }
            await DownloadBackupAsync();
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException or IOException or SqliteException)
        {
            tally.Error("backup: " + e.Message);
            return false;
        }
        finally
        {
            // The app keeps each copy in its data folder; the bench has no use for them and the disk does.
            var kept = Path.Combine(database.DataDirectory, "backups");
            if (Directory.Exists(kept)) foreach (var file in Directory.GetFiles(kept)) File.Delete(file);
        }
    }

    /// <summary>The backup page's button: the whole copy streamed down, and it must be a SQLite file.</summary>
    private async Task DownloadBackupAsync()
    {
        var token = await owner.TokenAsync("/admin/backup");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/backup")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]),
        };
        using var response = await owner.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"the backup answered {(int)response.StatusCode}");
        await using var body = await response.Content.ReadAsStreamAsync();
        var header = new byte[SqliteHeader.Length];
        await body.ReadExactlyAsync(header);
        if (!header.AsSpan().SequenceEqual(SqliteHeader)) throw new InvalidOperationException("the backup download is not a SQLite database");
        await body.CopyToAsync(Stream.Null);
    }
}

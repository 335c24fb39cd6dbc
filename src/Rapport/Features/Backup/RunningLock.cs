using Rapport.Data;

namespace Rapport.Features.Backup;

/// <summary>A lock file in the data folder, held while the app runs, so <c>restore</c> can tell that the app
/// is still using the database and refuse (swapping the file under a running app would lose writes or
/// corrupt it). The operating system drops the lock when the process ends, even after a crash.</summary>
public static class RunningLock
{
    public const string FileName = "rapport.running";

    /// <summary>Takes the lock, or returns null when another process (or app instance) holds it.</summary>
    public static FileStream? TryTake(string dataFolder)
    {
        try
        {
            return new FileStream(Path.Combine(dataFolder, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }
}

/// <summary>Holds <see cref="RunningLock"/> for the app's lifetime. A second instance on the same folder
/// still starts (it may be a deliberate restart in a test or a rolling deploy); it only warns.</summary>
public sealed class RunningLockService(DataFolder dataFolder, ILogger<RunningLockService> logger) : IHostedService
{
    private FileStream? _lock;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _lock = RunningLock.TryTake(dataFolder.Path);
        if (_lock is null) logger.LogWarning("Another Rapport process is using the data folder {Folder}.", dataFolder.Path);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _lock?.Dispose();
        _lock = null;
        return Task.CompletedTask;
    }
}

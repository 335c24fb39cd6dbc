namespace Rapport.IntegrationTests.Infrastructure;

/// <summary>The files in an app's data folder that an upload could have left there. SQLite's own
/// companions (-wal, -shm, -journal) come and go with its connections (a test app closing its pools
/// elsewhere in the process can remove them), so they are not counted.</summary>
public static class DataFolderFiles
{
    public static int Count(string folder) => Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
        .Count(path => !path.EndsWith("-wal", StringComparison.Ordinal) && !path.EndsWith("-shm", StringComparison.Ordinal)
            && !path.EndsWith("-journal", StringComparison.Ordinal));
}

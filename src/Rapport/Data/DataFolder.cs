namespace Rapport.Data;

/// <summary>Where Rapport keeps its files: the SQLite database and the Data Protection keys.
/// <c>App:DataDirectory</c>, relative to the app's content root; <c>data</c> by default.</summary>
public sealed class DataFolder
{
    public DataFolder(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["App:DataDirectory"];
        Path = System.IO.Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "data" : configured, environment.ContentRootPath);
        Directory.CreateDirectory(Path);
        Directory.CreateDirectory(KeysPath);
    }

    public string Path { get; }

    public string KeysPath => System.IO.Path.Combine(Path, "keys");
}

namespace Rapport.Data;

/// <summary>Where Rapport keeps its files: the SQLite database and the Data Protection keys.
/// <c>App:DataDirectory</c>, relative to the app's content root; <c>data</c> by default.</summary>
public sealed class DataFolder
{
    public DataFolder(IConfiguration configuration, IHostEnvironment environment)
    {
        Path = PathFrom(configuration, environment.ContentRootPath);
        Directory.CreateDirectory(Path);
        Directory.CreateDirectory(KeysPath);
    }

    public string Path { get; }

    /// <summary>Where <c>App:DataDirectory</c> points, relative to <paramref name="contentRoot"/>.</summary>
    public static string PathFrom(IConfiguration configuration, string contentRoot) =>
        System.IO.Path.GetFullPath(string.IsNullOrWhiteSpace(configuration[Setting]) ? "data" : configuration[Setting]!, contentRoot);

    public const string Setting = "App:DataDirectory";

    public string KeysPath => System.IO.Path.Combine(Path, "keys");
}

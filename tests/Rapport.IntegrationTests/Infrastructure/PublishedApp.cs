namespace Rapport.IntegrationTests.Infrastructure;

/// <summary>The app as built beside the tests, to start as a process of its own.</summary>
public static class PublishedApp
{
    /// <summary>The app's own build output, in the configuration the tests were built in (the solution builds both).</summary>
    public static string BuiltDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0/
            var dll = Repository.PathOf("src", "Rapport", "bin", configuration, "net10.0", "Rapport.dll");
            Assert.True(File.Exists(dll), $"The app is not built at {dll}: build the solution first.");
            return dll;
        }
    }
}

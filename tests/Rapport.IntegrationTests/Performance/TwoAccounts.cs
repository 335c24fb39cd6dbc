using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Performance;

/// <summary>A test app with two accounts of different sizes in the benchmark's proportions, and a recorder of the
/// SQL its requests send. Each fixture that derives from it has a database of its own.</summary>
public abstract class TwoAccounts(int small, int large, int smallSeed, int largeSeed) : IAsyncLifetime
{
    public RapportApp App { get; private set; } = null!;
    public QueryRecorder Recorder { get; private set; } = null!;
    public (SignedInUser User, AccountOfSize.Subjects Subjects) SmallAccount { get; private set; }
    public (SignedInUser User, AccountOfSize.Subjects Subjects) LargeAccount { get; private set; }

    public async Task InitializeAsync()
    {
        App = await RapportApp.StartAsync();
        Recorder = new QueryRecorder(App.Database);
        SmallAccount = await AccountAsync(small, smallSeed);
        LargeAccount = await AccountAsync(large, largeSeed);
    }

    private async Task<(SignedInUser, AccountOfSize.Subjects)> AccountAsync(int contacts, int seed)
    {
        var user = await App.SignUpAsync();
        var subjects = await AccountOfSize.SeedAsync(App, user.Id, contacts, seed);
        await AfterSeedingAsync(user);
        return (user, subjects);
    }

    /// <summary>What a fixture does with each account once it is seeded, before any test.</summary>
    protected virtual Task AfterSeedingAsync(SignedInUser user) => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        Recorder.Dispose();
        await App.DisposeAsync();
    }
}

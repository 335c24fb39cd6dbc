namespace Rapport.Data;

/// <summary>Whose facts of the follow-up rules (<see cref="RuleFacts"/>) were written and committed in this scope
/// (a request, a command, a job): the people a rule pass must follow. One per scope, like the database context;
/// <see cref="RuleFactInterceptor"/> fills it as writes commit, and the rule pass takes what it holds.</summary>
public sealed class RuleFactChanges
{
    private readonly HashSet<string> _saving = new(StringComparer.Ordinal);
    private readonly HashSet<string> _uncommitted = new(StringComparer.Ordinal);
    private readonly HashSet<string> _committed = new(StringComparer.Ordinal);

    /// <summary>Someone's facts were written and committed, and no rule pass has followed yet.</summary>
    public bool Any => _committed.Count > 0;

    /// <summary>The people whose facts changed, forgotten here: the caller runs the pass for them.</summary>
    public IReadOnlyList<string> Take()
    {
        var owners = _committed.Order(StringComparer.Ordinal).ToList();
        _committed.Clear();
        return owners;
    }

    /// <summary>A save is about to write facts of these people.</summary>
    internal void Saving(IEnumerable<string> owners)
    {
        _saving.Clear();
        _saving.UnionWith(owners);
    }

    /// <summary>The save went through; inside a transaction it counts once the transaction commits.</summary>
    internal void Saved(bool inTransaction)
    {
        (inTransaction ? _uncommitted : _committed).UnionWith(_saving);
        _saving.Clear();
    }

    internal void SaveFailed() => _saving.Clear();

    /// <summary>A write past the change tracker changed facts of <paramref name="owner"/>.</summary>
    internal void Written(string owner, bool inTransaction) => (inTransaction ? _uncommitted : _committed).Add(owner);

    internal void Committed()
    {
        _committed.UnionWith(_uncommitted);
        _uncommitted.Clear();
    }

    /// <summary>Rolled back, or a new transaction begins after one that was never committed: what it wrote is gone.</summary>
    internal void Abandoned() => _uncommitted.Clear();
}

using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Rapport.Data;

/// <summary>Notes, in the scope's <see cref="RuleFactChanges"/>, whose facts of the follow-up rules a write
/// changed, once the write commits: a save (from the change tracker, before it is written), and a write that
/// bypasses the tracker (<c>ExecuteUpdate</c>, <c>ExecuteDelete</c>, raw SQL; Data's bulk inserts say so through
/// <see cref="NoteBulkInsert"/>). So no writer has to remember the rules; the rule pass follows what is noted
/// (docs/decisions/012-rules-follow-from-saving.md). A bulk write is counted for the context's owner: work across
/// every account (the 30-day trash pass, which removes only what the rules no longer see) names no one.</summary>
public sealed partial class RuleFactInterceptor : DbCommandInterceptor, ISaveChangesInterceptor, IDbTransactionInterceptor
{
    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Changes(eventData.Context)?.SaveFailed();

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Changes(eventData.Context)?.SaveFailed();
        return Task.CompletedTask;
    }

    public void SaveChangesCanceled(DbContextEventData eventData) => Changes(eventData.Context)?.SaveFailed();

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Changes(eventData.Context)?.SaveFailed();
        return Task.CompletedTask;
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        NoteBulk(command, eventData, result);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        NoteBulk(command, eventData, result);
        return ValueTask.FromResult(result);
    }

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Changes(eventData.Context)?.Abandoned();
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default)
    {
        Changes(eventData.Context)?.Abandoned();
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Changes(eventData.Context)?.Committed();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Changes(eventData.Context)?.Committed();
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Changes(eventData.Context)?.Abandoned();

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Changes(eventData.Context)?.Abandoned();
        return Task.CompletedTask;
    }

    /// <summary>Rows written into <paramref name="table"/> past EF (Data's bulk inserts), for the context's owner.</summary>
    public static void NoteBulkInsert(RapportDb db, string table)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (RowsOf(db, table) is { } rows && RuleFacts.WrittenInBulk(rows, BulkWrite.Insert, null)) Written(db);
    }

    private static RuleFactChanges? Changes(DbContext? context) => (context as RapportDb)?.RuleFactChanges;

    private static void Note(DbContext? context)
    {
        if (context is not RapportDb db) return;
        var owners = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (RuleFacts.OwnerChangedBy(entry, db.OwnerId) is { } owner) owners.Add(owner);
        }
        db.RuleFactChanges.Saving(owners);
    }

    private static void Saved(DbContext? context)
    {
        if (context is RapportDb db) db.RuleFactChanges.Saved(inTransaction: db.Database.CurrentTransaction is not null);
    }

    private static void NoteBulk(DbCommand command, CommandExecutedEventData eventData, int affected)
    {
        if (affected == 0 || eventData.Context is not RapportDb db) return;
        if (eventData.CommandSource is not (CommandSource.ExecuteUpdate or CommandSource.ExecuteDelete or CommandSource.ExecuteSqlRaw)) return;
        foreach (Match statement in Statement().Matches(command.CommandText))
        {
            if (RowsOf(db, statement.Groups["table"].Value) is not { } rows) continue;
            var verb = statement.Groups["verb"].Value.ToUpperInvariant();
            var write = verb.StartsWith("INSERT", StringComparison.Ordinal) ? BulkWrite.Insert
                : verb.StartsWith("DELETE", StringComparison.Ordinal) ? BulkWrite.Delete : BulkWrite.Update;
            if (RuleFacts.WrittenInBulk(rows, write, write == BulkWrite.Update ? SetColumns(db, rows, command.CommandText, statement) : null))
            {
                Written(db);
                return;
            }
        }
    }

    private static void Written(RapportDb db)
    {
        if (db.OwnerId is { } owner) db.RuleFactChanges.Written(owner, inTransaction: db.Database.CurrentTransaction is not null);
    }

    private static Type? RowsOf(RapportDb db, string table) =>
        db.Model.GetEntityTypes().FirstOrDefault(e => !e.IsOwned() && e.GetTableName() == table)?.ClrType;

    /// <summary>The properties an UPDATE sets: the unqualified <c>"Column" =</c> after its SET (conditions name
    /// their columns through the table's alias, so taking one too many only ever counts a write as a fact).</summary>
    private static List<string> SetColumns(RapportDb db, Type rows, string sql, Match statement)
    {
        var entity = db.Model.FindEntityType(rows)!;
        var end = sql.IndexOf(';', statement.Index);
        var text = sql[statement.Index..(end < 0 ? sql.Length : end)];
        var set = SetKeyword().Match(text);
        if (!set.Success) return [];
        return Assigned().Matches(text[set.Index..])
            .Select(m => m.Groups["column"].Value)
            .Select(column => entity.GetProperties().FirstOrDefault(p => p.GetColumnName() == column)?.Name ?? column)
            .ToList();
    }

    [GeneratedRegex(@"(?<verb>UPDATE|DELETE\s+FROM|INSERT\s+INTO)\s+""(?<table>[^""]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex Statement();

    [GeneratedRegex(@"\bSET\b", RegexOptions.IgnoreCase)]
    private static partial Regex SetKeyword();

    [GeneratedRegex(@"(?<![.\w""])""(?<column>[^""]+)""\s*=(?!=)")]
    private static partial Regex Assigned();
}

using System.Data.Common;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Performance;

/// <summary>The work the database does for the commands one request sends, counted without a clock, so it can
/// be compared between a small and a large account on any machine. SQLite: the virtual-machine steps of every
/// statement (<c>SQLITE_STMTSTATUS_VM_STEP</c>), which follow the plan and the rows it visits. PostgreSQL: from
/// <c>EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)</c>, the rows every plan node produced and the buffers touched.</summary>
public sealed record QueryWork(int Commands, long Steps, long Rows, long Buffers, IReadOnlyList<string> PerCommand)
{
    /// <summary>The most parameters one command carried: EF sends a list of ids as one parameter each, and building
    /// that SQL costs the app processor time that grows with the list.</summary>
    public int MostParameters { get; init; }

    /// <summary>SQLite only: the plan lines of statements that walk a whole table or index instead of searching it, such as
    /// <c>SCAN c</c>. The owner's index narrows every owned table to one person's rows; a walk reads every person's, so its
    /// work grows with the people on the install, which comparing two accounts of one database cannot see.</summary>
    public IReadOnlyList<string> WholeWalks { get; init; } = [];

    /// <summary>Fails when any of <paramref name="work"/> walked a whole table, naming each walk and its query.</summary>
    public static void AssertNoWholeWalks(params QueryWork[] work)
    {
        var walks = work.SelectMany(w => w.WholeWalks).Distinct().ToList();
        Assert.True(walks.Count == 0, "A query walks a whole table, every person's rows, instead of searching the owner's:\n" + string.Join("\n", walks));
    }

    public override string ToString() => $"{Commands} commands, {(Steps > 0 ? $"{Steps:N0} VM steps" : $"{Rows:N0} rows, {Buffers:N0} buffers")}"
        + Environment.NewLine + string.Join(Environment.NewLine, PerCommand);
}

/// <summary>Records the SQL commands an app under test sends to its own database while a test makes requests,
/// then runs each again on a connection of its own to measure it (<see cref="MeasureAsync"/>). Commands are told
/// apart from other tests' by the database they go to: every test app has its own.</summary>
public sealed class QueryRecorder : IDisposable, IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private readonly TestDatabase _database;
    private readonly string _databaseKey;
    private readonly List<(string Sql, DbParameter[] Parameters)> _commands = [];
    private readonly List<IDisposable> _subscriptions = [];
    private bool _recording;

    public QueryRecorder(TestDatabase database)
    {
        _database = database;
        _databaseKey = KeyOf(database.ConnectionString, database.Provider);
        _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
    }

    private static string KeyOf(string connectionString, TestProvider provider) => provider == TestProvider.Sqlite
        ? Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource)
        : new NpgsqlConnectionStringBuilder(connectionString).Database ?? "";

    /// <summary>Runs <paramref name="requests"/> and measures the commands the app sent meanwhile.</summary>
    public async Task<QueryWork> MeasureAsync(Func<Task> requests)
    {
        lock (_commands)
        {
            _commands.Clear();
            _recording = true;
        }
        try
        {
            await requests();
        }
        finally
        {
            lock (_commands) _recording = false;
        }
        List<(string Sql, DbParameter[] Parameters)> commands;
        lock (_commands) commands = [.. _commands];
        return _database.Provider == TestProvider.Sqlite ? await SqliteWorkAsync(commands) : await PostgresWorkAsync(commands);
    }

    private async Task<QueryWork> SqliteWorkAsync(List<(string Sql, DbParameter[] Parameters)> commands)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(_database.ConnectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        long total = 0;
        var each = new List<string>();
        var walks = new List<string>();
        foreach (var (sql, parameters) in commands)
        {
            if (!IsRead(sql))
            {
                each.Add($"  (a write, not run again)  {OneLine(sql)}");
                continue;
            }
            var plan = await SqlitePlanAsync(connection, sql, parameters);
            walks.AddRange(WholeWalksOf(plan).Select(line => $"{line.Trim()} in {OneLine(sql)}"));
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var p in parameters.Cast<SqliteParameter>())
                command.Parameters.Add(new SqliteParameter(p.ParameterName, p.Value ?? DBNull.Value) { SqliteType = p.SqliteType, Size = p.Size });
            await using (var reader = await command.ExecuteReaderAsync())
                do { while (await reader.ReadAsync()) { } } while (await reader.NextResultAsync());
            // The command's statements stay prepared until it is disposed; their counters hold what they did. They are read
            // from the command itself: the connection also holds statements of its own (full-text search's) that
            // SQLitePCL cannot name.
            long steps = 0;
            foreach (var statement in PreparedStatements(command))
                steps += SQLitePCL.raw.sqlite3_stmt_status(statement, SQLitePCL.raw.SQLITE_STMTSTATUS_VM_STEP, 1);
            total += steps;
            await DumpPlanAsync(sql, plan, steps);
            each.Add($"  {steps,10:N0} steps  {OneLine(sql)}");
        }
        return new QueryWork(commands.Count, total, 0, 0, each) { MostParameters = MostParametersOf(commands), WholeWalks = walks };
    }

    private async Task<QueryWork> PostgresWorkAsync(List<(string Sql, DbParameter[] Parameters)> commands)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        long rows = 0, buffers = 0;
        var each = new List<string>();
        foreach (var (sql, parameters) in commands)
        {
            if (!IsRead(sql))
            {
                each.Add($"  (a write, not run again)  {OneLine(sql)}");
                continue;
            }
            await using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + sql;
            foreach (var p in parameters.Cast<NpgsqlParameter>()) command.Parameters.Add(p.Clone());
            var json = (string)(await command.ExecuteScalarAsync())!;
            using var plan = JsonDocument.Parse(json);
            var top = plan.RootElement[0].GetProperty("Plan");
            var (r, b) = (RowsOf(top), Number(top, "Shared Hit Blocks") + Number(top, "Shared Read Blocks"));
            rows += r;
            buffers += b;
            await DumpPlanAsync(connection, sql, parameters, r, b);
            each.Add($"  {r,10:N0} rows {b,8:N0} buffers  {OneLine(sql)}");
        }
        return new QueryWork(commands.Count, 0, rows, buffers, each) { MostParameters = MostParametersOf(commands) };
    }

    private static readonly System.Reflection.FieldInfo StatementsField =
        typeof(SqliteCommand).GetField("_preparedStatements", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)
        ?? throw new InvalidOperationException("Microsoft.Data.Sqlite no longer keeps a command's statements in _preparedStatements.");

    private static IEnumerable<SQLitePCL.sqlite3_stmt> PreparedStatements(SqliteCommand command) =>
        ((System.Collections.IEnumerable)StatementsField.GetValue(command)!).Cast<object>()
            .Select(entry => entry is System.Runtime.CompilerServices.ITuple tuple ? (SQLitePCL.sqlite3_stmt)tuple[0]! : (SQLitePCL.sqlite3_stmt)entry);

    /// <summary>Where to write each measured command's plan in text, when <c>RAPPORT_QUERY_PLANS</c> names a folder:
    /// for reading a plan that grew, and for the plans kept in the decision records.</summary>
    private static readonly string? PlanFolder = Environment.GetEnvironmentVariable("RAPPORT_QUERY_PLANS");
    private static int _planNumber;

    private static async Task DumpPlanAsync(NpgsqlConnection connection, string sql, DbParameter[] parameters, long rows, long buffers)
    {
        if (string.IsNullOrEmpty(PlanFolder)) return;
        Directory.CreateDirectory(PlanFolder);
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF) " + sql;
        foreach (var p in parameters.Cast<NpgsqlParameter>()) command.Parameters.Add(p.Clone());
        var plan = new System.Text.StringBuilder();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.AppendLine(reader.GetString(0));
        var name = Path.Combine(PlanFolder, $"{Interlocked.Increment(ref _planNumber):D4}-{rows}-rows-{buffers}-buffers.txt");
        await File.WriteAllTextAsync(name, sql + Environment.NewLine + Environment.NewLine + plan);
    }

    private static async Task DumpPlanAsync(string sql, List<string> plan, long steps)
    {
        if (string.IsNullOrEmpty(PlanFolder)) return;
        Directory.CreateDirectory(PlanFolder);
        var name = Path.Combine(PlanFolder, $"{Interlocked.Increment(ref _planNumber):D4}-{steps}-steps.txt");
        await File.WriteAllTextAsync(name, sql + Environment.NewLine + Environment.NewLine + string.Join(Environment.NewLine, plan));
    }

    /// <summary>EXPLAIN QUERY PLAN, a line per step, indented by depth.</summary>
    private static async Task<List<string>> SqlitePlanAsync(SqliteConnection connection, string sql, DbParameter[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var p in parameters.Cast<SqliteParameter>())
            command.Parameters.Add(new SqliteParameter(p.ParameterName, p.Value ?? DBNull.Value) { SqliteType = p.SqliteType, Size = p.Size });
        var lines = new List<string>();
        var depth = new Dictionary<int, int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var level = depth.GetValueOrDefault(reader.GetInt32(1), -1) + 1;
            depth[reader.GetInt32(0)] = level;
            lines.Add(new string(' ', 2 * level) + reader.GetString(3));
        }
        return lines;
    }

    /// <summary>The plan lines that walk a table or an index from end to end. Not one over a subquery's or a view's own
    /// result (named by its CO-ROUTINE or MATERIALIZE line), a constant row, or a virtual table (full-text search,
    /// json_each), which are no person's table.</summary>
    private static IEnumerable<string> WholeWalksOf(List<string> plan)
    {
        var ownResults = plan.Select(line => System.Text.RegularExpressions.Regex.Match(line.Trim(), @"^(?:CO-ROUTINE|MATERIALIZE) (\S+)$"))
            .Where(m => m.Success).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        ownResults.Add("CONSTANT");
        return plan.Where(line => System.Text.RegularExpressions.Regex.Match(line.Trim(), @"^SCAN (\S+)( USING (COVERING )?INDEX \S+)?$") is { Success: true } m
            && !ownResults.Contains(m.Groups[1].Value));
    }

    /// <summary>Rows produced by every node of the plan, each as many times as the node ran: what the query read and handled.</summary>
    private static long RowsOf(JsonElement node)
    {
        var rows = Number(node, "Actual Rows") * Math.Max(1, Number(node, "Actual Loops"));
        if (node.TryGetProperty("Plans", out var children))
            foreach (var child in children.EnumerateArray()) rows += RowsOf(child);
        return rows;
    }

    private static long Number(JsonElement node, string name) =>
        node.TryGetProperty(name, out var value) ? (long)Math.Round(value.GetDouble()) : 0;

    /// <summary>Only reads are run again: a page's writes (a rule pass, say) would be made twice.</summary>
    private static int MostParametersOf(List<(string Sql, DbParameter[] Parameters)> commands) =>
        commands.Count == 0 ? 0 : commands.Max(c => c.Parameters.Length);

    private static bool IsRead(string sql)
    {
        var start = sql.TrimStart();
        return (start.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) || start.StartsWith("WITH", StringComparison.OrdinalIgnoreCase))
            && !sql.Contains("INSERT ", StringComparison.OrdinalIgnoreCase) && !sql.Contains("UPDATE ", StringComparison.OrdinalIgnoreCase)
            && !sql.Contains("DELETE ", StringComparison.OrdinalIgnoreCase);
    }

    private static string OneLine(string sql)
    {
        var line = string.Join(' ', sql.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries));
        return line.Length > 220 ? line[..220] + "…" : line;
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
            lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this, name => name == RelationalEventId.CommandExecuted.Name));
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Value is not CommandExecutedEventData { Command: var command } || command.Connection is not { } connection) return;
        // Every test in the process is heard, some on the other database (a restore from SQLite to PostgreSQL): a
        // connection string is read only by its own kind's parser, which throws on the other's keywords.
        if ((connection is SqliteConnection) != (_database.Provider == TestProvider.Sqlite)) return;
        lock (_commands)
        {
            if (!_recording || KeyOf(connection.ConnectionString, _database.Provider) != _databaseKey) return;
            _commands.Add((command.CommandText, command.Parameters.Cast<DbParameter>().ToArray()));
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted() { }
    void IObserver<DiagnosticListener>.OnError(Exception error) { }
    void IObserver<KeyValuePair<string, object?>>.OnCompleted() { }
    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error) { }

    public void Dispose()
    {
        lock (_subscriptions) foreach (var subscription in _subscriptions) subscription.Dispose();
    }
}

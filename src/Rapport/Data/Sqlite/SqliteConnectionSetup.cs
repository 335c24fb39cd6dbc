using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Rapport.Data;

/// <summary>Per-connection SQLite settings. WAL (set once at start-up, it persists in the file) lets
/// readers run beside the writer; synchronous=FULL keeps the last commits across a power loss; the
/// busy timeout makes a second writer wait instead of failing with "database is locked". Write
/// transactions begin IMMEDIATE (Microsoft.Data.Sqlite's default), so none fails on upgrading a read lock. Reads go
/// through a memory map (<see cref="MappedBytes"/>).</summary>
public sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    public const int BusyTimeoutMilliseconds = 30_000;

    /// <summary>How much of the file SQLite reads through memory mapping instead of copying each page with a system
    /// call into its 2 MB cache per connection: the board reads pages all over a 90 MB file at 30,000 contacts, and
    /// took half as long mapped (decision record 004). Only the pages read take memory, and they are the OS's file
    /// cache, which the copies came from anyway.</summary>
    public const long MappedBytes = 1L << 30;
    private static readonly string Pragmas = $"PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA mmap_size = {MappedBytes};";

    /// <summary>More statements run on every connection after the usual ones. Tests use it to put the database in
    /// the state a real failure would (read-only with <c>query_only</c>, full with <c>max_page_count</c>) and back.</summary>
    public string? ExtraPragmas { get; set; }

    private string Statements => ExtraPragmas is { Length: > 0 } extra ? Pragmas + " " + extra : Pragmas;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Statements;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Statements;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

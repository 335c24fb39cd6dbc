using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Rapport.Data;

/// <summary>Notices when the database refuses a command (stopped, read-only, full). The health check then asks it
/// to take a test write before it says "ok" again. On PostgreSQL, a connection that broke (the server restarted,
/// went read-only, ran out of room) empties the pool, so the next request opens a fresh one instead of failing on
/// a dead one: the app recovers by itself when the database does.</summary>
public sealed class DatabaseFailures : DbCommandInterceptor
{
    private volatile bool _failedSinceLastProbe;

    public bool FailedSinceLastProbe => _failedSinceLastProbe;

    public void Recovered() => _failedSinceLastProbe = false;

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Note(command, eventData.Exception);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Note(command, eventData.Exception);
        return Task.CompletedTask;
    }

    private void Note(DbCommand command, Exception exception)
    {
        if (exception is not DbException) return;
        _failedSinceLastProbe = true;
        if (command.Connection is NpgsqlConnection connection && BrokeTheConnection(exception)) NpgsqlConnection.ClearPool(connection);
    }

    /// <summary>Connection-level failures, and server states that stay with a connection after they end.</summary>
    private static bool BrokeTheConnection(Exception exception) => exception switch
    {
        PostgresException p => p.SqlState is PostgresErrorCodes.ReadOnlySqlTransaction or PostgresErrorCodes.AdminShutdown
            or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow || p.SqlState.StartsWith("08", StringComparison.Ordinal)
            || p.SqlState.StartsWith("53", StringComparison.Ordinal),
        NpgsqlException => true,
        _ => false,
    };

    /// <summary>A write that is rolled back: it needs the database to be writable and to have room for a new
    /// table and a page or two of data. Used by the health check only after a failure, so it never competes with
    /// the writers of a healthy app.</summary>
    public static async Task ProbeWriteAsync(RapportDb db, CancellationToken cancellationToken)
    {
        var (create, insert) = db.Database.IsSqlite()
            ? ("CREATE TABLE \"HealthProbe\" (\"Value\" BLOB)", "INSERT INTO \"HealthProbe\" VALUES (zeroblob(16384))")
            : db.Database.IsNpgsql()
                ? ("CREATE TABLE \"HealthProbe\" (\"Value\" bytea)", "INSERT INTO \"HealthProbe\" VALUES (decode(repeat('00', 16384), 'hex'))")
                : throw new NotSupportedException("Unknown database provider.");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(create, cancellationToken);
        await db.Database.ExecuteSqlRawAsync(insert, cancellationToken);
        await transaction.RollbackAsync(cancellationToken);
    }
}

using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Rapport.Data;

/// <summary>Why the database could not be prepared at start-up, in one line a self-hoster can act on, for the causes
/// that are the install's and not a bug (a wrong password, a file that is not a database); null for the others, which
/// are logged with their stack.</summary>
public static class StartupFailure
{
    public static string? Explain(Exception e) => e switch
    {
        DatabaseUpgradeFailed upgrade => upgrade.Message,
        PostgresException { SqlState: PostgresErrorCodes.InvalidPassword } p =>
            $"Database__ConnectionString: PostgreSQL refused the password ({p.MessageText}).",
        PostgresException { SqlState: PostgresErrorCodes.InvalidAuthorizationSpecification } p => $"Database__ConnectionString: PostgreSQL refused the sign-in ({p.MessageText}).",
        PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } p => $"Database__ConnectionString: {p.MessageText} (create it first, owned by the user Rapport signs in as).",
        NpgsqlException { InnerException: SocketException s } => $"Database__ConnectionString: PostgreSQL cannot be reached ({s.Message}).",
        NpgsqlException { InnerException: TimeoutException } => "Database__ConnectionString: PostgreSQL did not answer in time.",
        SqliteException { SqliteErrorCode: 26 } => "App__DataDirectory: the database file there is not a SQLite database (SQLite says: file is not a database).",
        SqliteException { SqliteErrorCode: 14 } s => $"App__DataDirectory: the SQLite database cannot be opened ({s.Message}).",
        _ when e.InnerException is { } inner && !ReferenceEquals(inner, e) => Explain(inner),
        _ => null,
    };
}

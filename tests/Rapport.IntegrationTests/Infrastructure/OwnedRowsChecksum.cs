using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Rapport.Data;
using Rapport.Domain;

namespace Rapport.IntegrationTests.Infrastructure;

/// <summary>A fingerprint of everything one person has: every column of every row they own, in every
/// owned table (found from the model, so a new table is included without a change here), plus their
/// account row (sign-in sessions aside). Read with plain SQL, past the owner filter, on either provider. Two snapshots taken
/// around a request are equal exactly when the request changed nothing of theirs.</summary>
public sealed record OwnedRowsChecksum(string OwnerId, IReadOnlyDictionary<string, string> Tables)
{
    public static Task<OwnedRowsChecksum> TakeAsync(RapportApp app, string ownerId) =>
        app.WithDbAsync(null, db => TakeAsync(db, ownerId));

    public static async Task<OwnedRowsChecksum> TakeAsync(RapportDb db, string ownerId)
    {
        var tables = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await connection.OpenAsync();
        try
        {
            foreach (var (table, columns, ownerColumn) in OwnedTables(db.Model))
                tables[table] = await HashAsync(connection, table, columns, ownerColumn, ownerId);
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
        return new OwnedRowsChecksum(ownerId, tables);
    }

    /// <summary>The tables that changed between two snapshots, with their row counts, for a failure message.</summary>
    public IReadOnlyList<string> Differences(OwnedRowsChecksum later) =>
        Tables.Keys.Union(later.Tables.Keys).Order(StringComparer.Ordinal)
            .Where(t => Tables.GetValueOrDefault(t) != later.Tables.GetValueOrDefault(t))
            .Select(t => $"{t}: {Tables.GetValueOrDefault(t) ?? "(none)"} -> {later.Tables.GetValueOrDefault(t) ?? "(none)"}")
            .ToList();

    public bool SameAs(OwnedRowsChecksum later) => Differences(later).Count == 0;

    /// <summary>The names of the tables whose rows differ from <paramref name="before"/>.</summary>
    public IReadOnlyList<string> ChangedSince(OwnedRowsChecksum before) =>
        Tables.Keys.Union(before.Tables.Keys).Order(StringComparer.Ordinal)
            .Where(t => Tables.GetValueOrDefault(t) != before.Tables.GetValueOrDefault(t)).ToList();

    public static Task<OwnedRowsChecksum> OfAsync(RapportApp app, string ownerId) => TakeAsync(app, ownerId);

    /// <summary>How many rows the person has in each owned table (the hash strings start with it).</summary>
    public int RowsIn(string table) => int.Parse(Tables[table].Split(' ')[0], CultureInfo.InvariantCulture);

    /// <summary>Every table of an <see cref="IOwned"/> entity (by its OwnerId), the account row (by its
    /// Id), and Identity's per-user tables (by UserId). Left out: sign-in sessions (the
    /// browser's, and a request may renew one) and audit events (a refused request is recorded, on purpose).</summary>
    public static IReadOnlySet<Type> NotCompared { get; } = new HashSet<Type> { typeof(UserSession), typeof(AuditEvent) };

    public static IEnumerable<(string Table, IReadOnlyList<string> Columns, string OwnerColumn)> OwnedTables(IModel model)
    {
        foreach (var entity in model.GetEntityTypes().Where(e => e.GetTableName() is not null).OrderBy(e => e.GetTableName(), StringComparer.Ordinal))
        {
            var ownerProperty = typeof(IOwned).IsAssignableFrom(entity.ClrType) ? nameof(IOwned.OwnerId)
                : entity.ClrType == typeof(RapportUser) ? nameof(RapportUser.Id)
                : entity.FindProperty("UserId") is not null ? "UserId"
                : null;
            if (ownerProperty is null || NotCompared.Contains(entity.ClrType)) continue;
            var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var columns = entity.GetProperties().Select(p => p.GetColumnName(store)).OfType<string>().Order(StringComparer.Ordinal).ToList();
            yield return (entity.GetTableName()!, columns, entity.FindProperty(ownerProperty)!.GetColumnName(store)!);
        }
    }

    private static async Task<string> HashAsync(DbConnection connection, string table, IReadOnlyList<string> columns, string ownerColumn, string ownerId)
    {
        await using var command = connection.CreateCommand();
        var list = string.Join(", ", columns.Select(Quote));
        command.CommandText = $"SELECT {list} FROM {Quote(table)} WHERE {Quote(ownerColumn)} = @owner";
        var owner = command.CreateParameter();
        owner.ParameterName = "@owner";
        owner.Value = ownerId;
        command.Parameters.Add(owner);
        // Rows are hashed one by one and the row hashes sorted, so the order the database returns them in does not matter.
        var rows = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var row = new StringBuilder();
                for (var i = 0; i < reader.FieldCount; i++) row.Append(columns[i]).Append('=').Append(Text(reader.GetValue(i))).Append('\u001f');
                rows.Add(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(row.ToString()))));
            }
        }
        rows.Sort(StringComparer.Ordinal);
        var all = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', rows))));
        return $"{rows.Count} rows {all[..16]}";
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Text(object value) => value switch
    {
        DBNull => "\u2400",
        byte[] bytes => Convert.ToBase64String(bytes),
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

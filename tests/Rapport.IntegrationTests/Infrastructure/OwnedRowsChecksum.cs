using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Rapport.Data;

namespace Rapport.IntegrationTests.Infrastructure;

/// <summary>A fingerprint of everything one person owns: every column of every row of every table
/// with an owner (found from the model, so a new table is covered without editing this), plus their
/// account row. Two equal fingerprints mean a refused input changed nothing. Sign-in sessions are left
/// out: they are the browser's, not the person's data, and a request may renew one.</summary>
public sealed record OwnedRowsChecksum(IReadOnlyDictionary<string, string> Tables)
{
    private static readonly HashSet<string> NotData = ["UserSession"];

    public string Value => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", Tables.Select(t => t.Key + "=" + t.Value)))));

    /// <summary>The tables whose rows differ from <paramref name="before"/>, to name in a failure.</summary>
    public IReadOnlyList<string> ChangedSince(OwnedRowsChecksum before) =>
        Tables.Where(t => !before.Tables.TryGetValue(t.Key, out var old) || old != t.Value).Select(t => t.Key).ToList();

    public static Task<OwnedRowsChecksum> OfAsync(RapportApp app, string userId) =>
        app.WithDbAsync(null, async db =>
        {
            var tables = new SortedDictionary<string, string>(StringComparer.Ordinal);
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            try
            {
                foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()).OrderBy(e => e.GetTableName()))
                {
                    if (NotData.Contains(entity.ClrType.Name)) continue;
                    var ownerColumn = entity.FindProperty("OwnerId")?.GetColumnName()
                        ?? (entity.ClrType == typeof(RapportUser) ? entity.FindProperty("Id")!.GetColumnName() : null);
                    if (ownerColumn is null) continue;
                    tables[entity.GetTableName()!] = await HashTableAsync(connection, entity, ownerColumn, userId);
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
            return new OwnedRowsChecksum(tables);
        });

    private static async Task<string> HashTableAsync(DbConnection connection, IEntityType entity, string ownerColumn, string userId)
    {
        var columns = entity.GetProperties().Select(p => p.GetColumnName()).Distinct().OrderBy(c => c, StringComparer.Ordinal).ToList();
        var key = entity.FindPrimaryKey()!.Properties.Select(p => Quote(p.GetColumnName()));
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", columns.Select(Quote))} FROM {Quote(entity.GetTableName()!)} WHERE {Quote(ownerColumn)} = @owner ORDER BY {string.Join(", ", key)}";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@owner";
        parameter.Value = userId;
        command.Parameters.Add(parameter);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var rows = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows++;
            for (var i = 0; i < reader.FieldCount; i++)
                hash.AppendData(Encoding.UTF8.GetBytes(columns[i] + ":" + Format(reader.GetValue(i)) + "\u001f"));
            hash.AppendData("\u001e"u8);
        }
        return rows + " rows " + Convert.ToHexString(hash.GetHashAndReset())[..16];
    }

    private static string Format(object value) => value switch
    {
        DBNull => "<null>",
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        byte[] b => Convert.ToBase64String(b),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}

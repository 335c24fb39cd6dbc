using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Rapport.Bench.Baselines;
using Rapport.Bench.Data;
using Rapport.Bench.Hosting;
using Rapport.Data;
using Rapport.Domain;

namespace Rapport.Bench.Capacity;

/// <summary>Copies a template account's rows to new accounts with plain SQL, table by table in the order of their
/// foreign keys (<c>INSERT ... SELECT</c>, the same on SQLite and PostgreSQL), many accounts per statement: each
/// copied id is the template's id moved past every id in use, and each foreign key moves with the table it points
/// to. Read from the app's own model, so a new table or column is copied with no change here. Not copied: sign-in
/// sessions, the audit trail, uploads waiting on their preview and calendar feeds (each a secret or a record of the
/// template's own use), and tasks a rule made, whose keys name the template's ids (the rule pass makes them again
/// for each copy). Seeding a thousand accounts through the app would take hours; this takes minutes.</summary>
public sealed class AccountCopy
{
    private static readonly Type[] NotCopied = [typeof(UserSession), typeof(AuditEvent), typeof(PendingImport), typeof(CalendarFeed)];

    private readonly IReadOnlyList<Table> _tables;
    private readonly IReadOnlyDictionary<Type, string> _tableOf;
    private readonly BenchDatabase _database;
    private readonly Dictionary<(string Owner, string Table), (long Min, long Max)?> _templateIds = [];

    private AccountCopy(BenchDatabase database, IReadOnlyList<Table> tables, IReadOnlyDictionary<Type, string> tableOf)
    {
        _database = database;
        _tables = tables;
        _tableOf = tableOf;
    }

    /// <summary>How far a copy moved the ids of <typeparamref name="TEntity"/> (0 when the template has none).</summary>
    public long Moved<TEntity>(IReadOnlyDictionary<string, long> moves) => moves.GetValueOrDefault(_tableOf[typeof(TEntity)]);

    /// <summary>How a column is copied: as it is, as the new owner, or moved with the ids of a table.</summary>
    private sealed record Column(string Name, bool IsOwner, string? MovesWith);

    private sealed record Table(string Name, string? Id, IReadOnlyList<Column> Columns, IReadOnlySet<string> DependsOn, string? OnlyRows);

    public static AccountCopy Read(BenchDatabase database)
    {
        using var db = ActivitySeeder.Open(database, "");
        var model = db.Model.GetRelationalModel();
        var users = db.Model.FindEntityType(typeof(RapportUser))!.GetTableName();
        var skipped = NotCopied.Select(t => db.Model.FindEntityType(t)!.GetTableName()).ToHashSet();
        var owned = model.Tables.Where(t => t.FindColumn(nameof(IOwned.OwnerId)) is not null && !skipped.Contains(t.Name)).ToList();
        var ownedNames = owned.Select(t => t.Name).ToHashSet();
        var tables = owned.Select(t => Describe(t, users!, ownedNames)).ToList();
        var tableOf = db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null).ToDictionary(e => e.ClrType, e => e.GetTableName()!);
        return new AccountCopy(database, InForeignKeyOrder(tables), tableOf);
    }

    private static Table Describe(ITable table, string users, IReadOnlySet<string> owned)
    {
        var key = table.PrimaryKey?.Columns ?? throw new NotSupportedException($"{table.Name} has no primary key");
        var id = key.Count == 1 && key[0].ProviderClrType == typeof(int)
            && key[0].PropertyMappings.Any(m => m.Property.ValueGenerated == ValueGenerated.OnAdd) ? key[0].Name : null;
        var movesWith = new Dictionary<string, string>();
        var owners = new HashSet<string> { nameof(IOwned.OwnerId) };
        foreach (var foreignKey in table.ForeignKeyConstraints)
        {
            var principal = foreignKey.PrincipalTable.Name;
            if (principal == users) owners.UnionWith(foreignKey.Columns.Select(c => c.Name));
            else if (owned.Contains(principal) && foreignKey.Columns.Count == 1
                && foreignKey.PrincipalTable.PrimaryKey?.Columns is [var principalId] && principalId == foreignKey.PrincipalColumns[0])
                movesWith[foreignKey.Columns[0].Name] = principal;
            else throw new NotSupportedException($"{table.Name} points to {principal}, which the copy does not know how to follow");
        }
        var columns = table.Columns.Where(c => c.ComputedColumnSql is null)
            .Select(c => new Column(c.Name, owners.Contains(c.Name), c.Name == id ? table.Name : movesWith.GetValueOrDefault(c.Name)))
            .ToList();
        // A key that holds the id, the owner or a moved foreign key stays unique in a copy; any other would repeat.
        if (!key.Any(k => k.Name == id || owners.Contains(k.Name) || movesWith.ContainsKey(k.Name)))
            throw new NotSupportedException($"{table.Name}'s key would repeat in a copy");
        var onlyRows = table.EntityTypeMappings.Any(m => m.TypeBase.ClrType == typeof(FollowUpTask)) ? $"\"{nameof(FollowUpTask.RuleKey)}\" IS NULL" : null;
        return new Table(table.Name, id, columns, movesWith.Values.Where(p => p != table.Name).ToHashSet(), onlyRows);
    }

    private static List<Table> InForeignKeyOrder(List<Table> tables)
    {
        var ordered = new List<Table>();
        var left = tables.ToList();
        while (left.Count > 0)
        {
            var ready = left.Where(t => t.DependsOn.All(d => ordered.Any(o => o.Name == d))).ToList();
            if (ready.Count == 0) throw new NotSupportedException("The owned tables point to each other in a circle: " + string.Join(", ", left.Select(t => t.Name)));
            ordered.AddRange(ready);
            left.RemoveAll(ready.Contains);
        }
        return ordered;
    }

    /// <summary>Copies the template's rows to each new owner (accounts that exist and hold nothing yet); the answer
    /// is, for each of them in order, how far each table's ids moved.</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, long>>> CopyAsync(AccountTemplate template, IReadOnlyList<string> owners, int perStatement)
    {
        var moves = new List<IReadOnlyDictionary<string, long>>();
        await using var connection = await RawQueries.OpenAsync(_database);
        foreach (var batch in owners.Chunk(Math.Max(1, perStatement)))
        {
            await using var transaction = await connection.BeginTransactionAsync();
            var spans = new Dictionary<string, (long Move, long Span)>();
            foreach (var table in _tables.Where(t => t.Id is not null))
            {
                if (await TemplateIdsAsync(connection, transaction, template.OwnerId, table) is not var (min, max)) continue;
                var top = Convert.ToInt64(await ScalarAsync(connection, transaction, $"SELECT COALESCE(MAX(\"{table.Id}\"), 0) FROM \"{table.Name}\""), CultureInfo.InvariantCulture);
                spans[table.Name] = (top + 1 - min, max - min + 1);
            }
            foreach (var table in _tables) await CopyTableAsync(connection, transaction, table, template.OwnerId, batch, spans);
            if (_database.IsPostgres)
                foreach (var table in _tables.Where(t => spans.ContainsKey(t.Name)))
                    await ScalarAsync(connection, transaction, $"SELECT setval(pg_get_serial_sequence('\"{table.Name}\"', '{table.Id}'), (SELECT MAX(\"{table.Id}\") FROM \"{table.Name}\"))");
            await transaction.CommitAsync();
            for (var k = 0; k < batch.Length; k++)
                moves.Add(spans.ToDictionary(s => s.Key, s => s.Value.Move + k * s.Value.Span));
        }
        return moves;
    }

    /// <summary>Throws unless <paramref name="owner"/> holds as many rows of each copied table as the template.</summary>
    public async Task CheckAsync(AccountTemplate template, string owner)
    {
        await using var connection = await RawQueries.OpenAsync(_database);
        foreach (var table in _tables)
        {
            await using var command = connection.CreateCommand();
            var rows = $"SELECT COUNT(*) FROM \"{table.Name}\" WHERE \"{nameof(IOwned.OwnerId)}\" = @{{0}}{(table.OnlyRows is null ? "" : " AND " + table.OnlyRows)}";
            command.CommandText = $"SELECT ({string.Format(CultureInfo.InvariantCulture, rows, "copy")}), ({string.Format(CultureInfo.InvariantCulture, rows, "template")})";
            Add(command, "@copy", owner);
            Add(command, "@template", template.OwnerId);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            var (copied, original) = (reader.GetInt64(0), reader.GetInt64(1));
            if (copied != original) throw new InvalidOperationException($"A copy holds {copied} rows of {table.Name}, its template {original}");
        }
    }

    private async Task CopyTableAsync(DbConnection connection, DbTransaction transaction, Table table, string templateOwner, string[] owners,
        Dictionary<string, (long Move, long Span)> spans)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandTimeout = 0;
        string Expression(Column c)
        {
            if (c.IsOwner) return "n.\"NewOwner\"";
            if (c.MovesWith is null || !spans.TryGetValue(c.MovesWith, out var span)) return $"s.\"{c.Name}\"";
            return $"s.\"{c.Name}\" + {span.Move} + n.\"K\" * {span.Span}";
        }
        var newOwners = new StringBuilder();
        for (var k = 0; k < owners.Length; k++)
        {
            newOwners.Append(k == 0 ? $"SELECT @o{k} AS \"NewOwner\", {k} AS \"K\"" : $" UNION ALL SELECT @o{k}, {k}");
            Add(command, $"@o{k}", owners[k]);
        }
        Add(command, "@template", templateOwner);
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))}) "
            + $"SELECT {string.Join(", ", table.Columns.Select(Expression))} FROM \"{table.Name}\" s CROSS JOIN ({newOwners}) n "
            + $"WHERE s.\"{nameof(IOwned.OwnerId)}\" = @template{(table.OnlyRows is null ? "" : " AND s." + table.OnlyRows)}";
        await command.ExecuteNonQueryAsync();
    }

    private async Task<(long Min, long Max)?> TemplateIdsAsync(DbConnection connection, DbTransaction transaction, string owner, Table table)
    {
        if (_templateIds.TryGetValue((owner, table.Name), out var known)) return known;
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT MIN(\"{table.Id}\"), MAX(\"{table.Id}\") FROM \"{table.Name}\" WHERE \"{nameof(IOwned.OwnerId)}\" = @owner";
        Add(command, "@owner", owner);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        (long, long)? range = reader.IsDBNull(0) ? null : (Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture));
        return _templateIds[(owner, table.Name)] = range;
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

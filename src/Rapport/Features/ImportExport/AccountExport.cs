using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;

namespace Rapport.Features.ImportExport;

/// <summary>Everything one account holds, as one JSON document that <see cref="AccountRestore"/> brings into
/// another account, on this install or another, on either database. Ids are numbered afresh from 1 in each
/// table (references follow), so the document says nothing about other accounts and two exports of the same
/// data are equal. Times are kept to the microsecond, the precision both databases share.</summary>
public sealed class AccountExport(RapportDb db, TimeProvider clock)
{
    public const string Format = "rapport-export";
    public const int Version = 1;

    internal static readonly JsonSerializerOptions Values = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The profile and policy fields of the account itself (not the sign-in ones Identity keeps).</summary>
    public static IReadOnlyList<PropertyInfo> ProfileFields { get; } = typeof(RapportUser)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        .Where(p => p.CanWrite && p.Name != nameof(RapportUser.CreatedAtUtc))
        .ToList();

    public async Task WriteAsync(Stream output, CancellationToken cancellationToken = default)
    {
        var ownerId = db.OwnerId ?? throw new InvalidOperationException("An export is made for a signed-in person.");
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == ownerId, cancellationToken);
        var tables = AccountTables.Exported(db.Model);
        var numbers = new Dictionary<(Type, int), int>();
        int? Renumber(Type table, int id) => numbers.TryGetValue((table, id), out var found) ? found : null;

        // Written into a buffer that goes out after each table: the serializer flushes its writer synchronously,
        // and a response stream takes only asynchronous writes.
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        await using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true });
        async Task SendAsync()
        {
            await json.FlushAsync(cancellationToken);
            await output.WriteAsync(buffer.WrittenMemory, cancellationToken);
            buffer.Clear();
        }
        json.WriteStartObject();
        json.WriteString("format", Format);
        json.WriteNumber("version", Version);
        json.WriteString("exportedAtUtc", clock.GetUtcNow().UtcDateTime);
        json.WriteString("email", user.Email);
        json.WriteStartObject("profile");
        foreach (var field in ProfileFields)
        {
            json.WritePropertyName(field.Name);
            JsonSerializer.Serialize(json, Portable(field.GetValue(user)), field.PropertyType, Values);
        }
        json.WriteEndObject();
        json.WriteStartObject("tables");
        foreach (var table in tables)
        {
            var rows = await AccountTables.RowsAsync(db, table, cancellationToken);
            if (table.GeneratedKey is { } key)
            {
                var ordinal = 0;
                foreach (var id in rows.Select(r => (int)key.GetGetter().GetClrValue(r)!).Order())
                    numbers[(table.Type.ClrType, id)] = ++ordinal;
            }
            var written = rows.Select(row => table.Columns.Select(column => ValueOf(table, column, row, Renumber)).ToArray())
                .OrderBy(values => values, new KeyOrder(table))
                .ToList();
            json.WriteStartArray(table.Name);
            foreach (var values in written)
            {
                json.WriteStartObject();
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    json.WritePropertyName(table.Columns[i].Name);
                    JsonSerializer.Serialize(json, values[i], table.Columns[i].ClrType, Values);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            await SendAsync();
        }
        json.WriteEndObject();
        json.WriteEndObject();
        await SendAsync();
    }

    private static object? ValueOf(AccountTable table, Microsoft.EntityFrameworkCore.Metadata.IProperty column, object row, Func<Type, int, int?> renumber)
    {
        var value = column.GetGetter().GetClrValue(row);
        if (value is null) return null;
        if (column == table.GeneratedKey) return renumber(table.Type.ClrType, (int)value);
        if (table.References.FirstOrDefault(r => r.Column == column) is { } reference)
            return renumber(reference.Target.ClrType, (int)value) ?? throw new InvalidOperationException($"{table.Name}.{column.Name} names a missing row.");
        if (table.Type.ClrType == typeof(FollowUpTask) && column.Name == nameof(FollowUpTask.RuleKey))
            return RuleKeyIds.TryTranslate((string)value, renumber, out var key) ? key : throw new InvalidOperationException($"Unknown follow-up rule key \"{value}\".");
        return Portable(value);
    }

    private static object? Portable(object? value) => value switch
    {
        DateTime time => new DateTime(time.Ticks - time.Ticks % 10, DateTimeKind.Utc),
        _ => value,
    };

    /// <summary>Rows in the order of their (renumbered) key, so the document does not depend on how a database returns them.</summary>
    private sealed class KeyOrder(AccountTable table) : IComparer<object?[]>
    {
        private readonly int[] _positions = table.Type.FindPrimaryKey()!.Properties
            .Where(p => p.Name != nameof(IOwned.OwnerId))
            .Select(p => table.Columns.ToList().IndexOf(p))
            .ToArray();

        public int Compare(object?[]? x, object?[]? y)
        {
            foreach (var i in _positions)
            {
                var order = x![i] is string a && y![i] is string b ? string.CompareOrdinal(a, b) : Comparer<object?>.Default.Compare(x[i], y![i]);
                if (order != 0) return order;
            }
            return 0;
        }
    }
}

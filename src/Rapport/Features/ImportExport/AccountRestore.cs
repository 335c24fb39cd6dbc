using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;

namespace Rapport.Features.ImportExport;

/// <summary>Brings a Rapport JSON export (<see cref="AccountExport"/>) into the signed-in account, which must
/// be empty. All or nothing: every row is checked as it is read, and any problem rolls the whole restore back.
/// Rows get new ids here, and every reference (and every follow-up rule key) follows them.</summary>
public sealed class AccountRestore(RapportDb db)
{
    public sealed record Outcome(bool Restored, string Message);

    private sealed class Problem(string message) : Exception(message);

    public async Task<Outcome> RunAsync(Stream input, CancellationToken cancellationToken = default)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(input, new JsonDocumentOptions { MaxDepth = 16 }, cancellationToken);
        }
        catch (JsonException)
        {
            return new(false, "This file is not a Rapport export: it is not valid JSON (or it is cut short).");
        }
        using (document)
        {
            try
            {
                var tables = Check(document.RootElement);
                if (await HoldsDataAsync(cancellationToken))
                    return new(false, "This account already holds data, and a restore never mixes with it. Make a new, empty account and restore into that one.");
                var rows = await RestoreAsync(document.RootElement, tables, cancellationToken);
                return new(true, $"Restored {Plural.Of(rows, "row")} from the export. Everything in it is now in this account.");
            }
            catch (Problem problem)
            {
                return new(false, problem.Message + " Nothing was restored.");
            }
        }
    }

    private IReadOnlyList<AccountTable> Check(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String
            || format.GetString() != AccountExport.Format)
            throw new Problem("This JSON file is not a Rapport export (it does not say \"format\": \"rapport-export\").");
        if (!root.TryGetProperty("version", out var version) || !version.TryGetInt32(out var number) || number < 1)
            throw new Problem("This Rapport export has no readable version.");
        if (number > AccountExport.Version)
            throw new Problem($"This export was made by a newer version of Rapport (format {number}; this one reads up to {AccountExport.Version}). Upgrade this Rapport first.");
        if (!root.TryGetProperty("tables", out var tables) || tables.ValueKind != JsonValueKind.Object)
            throw new Problem("This Rapport export has no tables.");
        var known = AccountTables.Exported(db.Model);
        foreach (var table in tables.EnumerateObject())
        {
            if (known.All(t => t.Name != table.Name)) throw new Problem($"This export holds a table this version of Rapport does not know (\"{table.Name}\").");
            if (table.Value.ValueKind != JsonValueKind.Array) throw new Problem($"The table \"{table.Name}\" is not a list of rows.");
        }
        return known;
    }

    private async Task<bool> HoldsDataAsync(CancellationToken cancellationToken)
    {
        foreach (var table in AccountTables.Exported(db.Model))
            if (await AccountTables.AnyAsync(db, table, cancellationToken)) return true;
        return false;
    }

    private async Task<int> RestoreAsync(JsonElement root, IReadOnlyList<AccountTable> tables, CancellationToken cancellationToken)
    {
        var ownerId = db.OwnerId ?? throw new InvalidOperationException("A restore is made for a signed-in person.");
        var newIds = new Dictionary<(Type, int), int>();
        var count = 0;
        db.KeepsRecordedTimes = true;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var data = root.GetProperty("tables");
            foreach (var table in tables)
            {
                if (!data.TryGetProperty(table.Name, out var rows)) continue;
                count += await RestoreTableAsync(table, rows, newIds, cancellationToken);
                db.ChangeTracker.Clear();
            }
            if (root.TryGetProperty("profile", out var profile)) await RestoreProfileAsync(ownerId, profile, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return count;
        }
        catch (Exception e) when (e is DbUpdateException or UnstorableTextException or InvalidOperationException and not CrossOwnerWriteException)
        {
            throw new Problem($"The export could not be stored ({e.GetBaseException().Message}).");
        }
        finally
        {
            db.KeepsRecordedTimes = false;
            db.ChangeTracker.Clear();
        }
    }

    private async Task<int> RestoreTableAsync(AccountTable table, JsonElement rows, Dictionary<(Type, int), int> newIds, CancellationToken cancellationToken)
    {
        var added = new List<(object Entity, int? OldId)>();
        var selfReferences = new List<(object Entity, AccountReference Reference, int OldTarget)>();
        var number = 0;
        foreach (var row in rows.EnumerateArray())
        {
            number++;
            string Where(string column) => $"Row {number} of \"{table.Name}\", \"{column}\":";
            if (row.ValueKind != JsonValueKind.Object) throw new Problem($"Row {number} of \"{table.Name}\" is not an object.");
            var entity = Activator.CreateInstance(table.Type.ClrType)!;
            var entry = db.Entry(entity);
            int? oldId = null;
            foreach (var field in row.EnumerateObject())
            {
                var column = table.Columns.FirstOrDefault(c => c.Name == field.Name)
                    ?? throw new Problem($"{Where(field.Name)} this version of Rapport has no such field.");
                var value = Read(field.Value, column.ClrType, $"{Where(field.Name)} the value is not valid here.");
                if (value is null && !column.IsNullable) throw new Problem($"{Where(field.Name)} a value is required.");
                if (value is string text && column.GetMaxLength() is { } max && text.Length > max)
                    throw new Problem($"{Where(field.Name)} the text is longer than {max} characters.");
                if (column == table.GeneratedKey)
                {
                    oldId = (int)value!;
                    continue;
                }
                if (value is int target && table.References.FirstOrDefault(r => r.Column == column) is { } reference)
                {
                    if (reference.Target == table.Type)
                    {
                        selfReferences.Add((entity, reference, target));
                        continue;
                    }
                    value = newIds.TryGetValue((reference.Target.ClrType, target), out var id) ? id
                        : throw new Problem($"{Where(field.Name)} it refers to a row of \"{reference.Target.GetTableName()}\" that is not in the file.");
                }
                if (value is string key && table.Type.ClrType == typeof(FollowUpTask) && column.Name == nameof(FollowUpTask.RuleKey))
                {
                    if (!RuleKeyIds.TryTranslate(key, (type, old) => newIds.TryGetValue((type, old), out var id) ? id : null, out var translated))
                        throw new Problem($"{Where(field.Name)} \"{key}\" is not a follow-up rule this version knows.");
                    value = translated;
                }
                entry.Property(column.Name).CurrentValue = value;
            }
            if (table.GeneratedKey is not null && oldId is null) throw new Problem($"Row {number} of \"{table.Name}\" has no \"{table.GeneratedKey.Name}\".");
            if (oldId is { } old && added.Any(a => a.OldId == old)) throw new Problem($"Row {number} of \"{table.Name}\" repeats the id {old}.");
            entry.State = EntityState.Added;
            added.Add((entity, oldId));
        }
        await SaveAsync(table, added, cancellationToken);
        foreach (var (entity, oldId) in added)
            if (oldId is { } old) newIds[(table.Type.ClrType, old)] = (int)table.GeneratedKey!.GetGetter().GetClrValue(entity)!;
        if (selfReferences.Count > 0)
        {
            foreach (var (entity, reference, oldTarget) in selfReferences)
            {
                db.Entry(entity).Property(reference.Column.Name).CurrentValue = newIds.TryGetValue((table.Type.ClrType, oldTarget), out var id) ? id
                    : throw new Problem($"A row of \"{table.Name}\" refers to a row of the same table that is not in the file.");
            }
            await SaveAsync(table, added, cancellationToken);
        }
        return added.Count;
    }

    /// <summary>Saves a table's rows; a value the object's checks refuse (the same as its form's) is reported by its
    /// row and column, the way the file's other problems are.</summary>
    private async Task SaveAsync(AccountTable table, List<(object Entity, int? OldId)> added, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (RefusedValueException refused)
        {
            var row = added.FindIndex(a => ReferenceEquals(a.Entity, refused.Entity)) + 1;
            var where = row > 0 ? $"Row {row} of \"{table.Name}\"" : $"A row of \"{table.Name}\"";
            throw new Problem($"{where}, \"{refused.Problem.Property}\": {refused.Problem.Message.TrimEnd('.')}.");
        }
    }

    private static object? Read(JsonElement value, Type type, string whenInvalid)
    {
        try
        {
            return value.Deserialize(type, AccountExport.Values);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or FormatException)
        {
            throw new Problem(whenInvalid);
        }
    }

    private async Task RestoreProfileAsync(string ownerId, JsonElement profile, CancellationToken cancellationToken)
    {
        if (profile.ValueKind != JsonValueKind.Object) throw new Problem("The profile in this export is not readable.");
        var user = await db.Users.SingleAsync(u => u.Id == ownerId, cancellationToken);
        foreach (var field in profile.EnumerateObject())
        {
            var property = AccountExport.ProfileFields.FirstOrDefault(p => p.Name == field.Name)
                ?? throw new Problem($"The profile field \"{field.Name}\" is not one this version of Rapport knows.");
            var value = Read(field.Value, property.PropertyType, $"The profile field \"{field.Name}\" is not valid.");
            var column = db.Model.FindEntityType(typeof(RapportUser))!.FindProperty(property.Name)!;
            if (value is null && !column.IsNullable) throw new Problem($"The profile field \"{field.Name}\" needs a value.");
            if (value is string text && column.GetMaxLength() is { } max && text.Length > max)
                throw new Problem($"The profile field \"{field.Name}\" is longer than {max} characters.");
            property.SetValue(user, value);
        }
        if (TimeZones.ToIanaId(user.TimeZoneId) is null) throw new Problem($"The time zone \"{user.TimeZoneId}\" in the profile is not one Rapport knows.");
        await db.SaveChangesAsync(cancellationToken);
    }
}

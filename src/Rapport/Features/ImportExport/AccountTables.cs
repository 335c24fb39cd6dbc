using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Rapport.Data;
using Rapport.Domain;

namespace Rapport.Features.ImportExport;

/// <summary>One owned table as the full export sees it: read from the model, so a table added later is
/// exported, restored and deleted with the account without anyone remembering to list it.</summary>
public sealed record AccountTable(IEntityType Type, string Name, IProperty? GeneratedKey, IReadOnlyList<IProperty> Columns,
    IReadOnlyList<AccountReference> References);

/// <summary>A column that holds the id of a row of another owned table (or of its own, like "referred by").</summary>
public sealed record AccountReference(IProperty Column, IEntityType Target);

public static class AccountTables
{
    /// <summary>Owned tables left out of the export, and why. Everything else that implements
    /// <see cref="IOwned"/> is exported; a test holds this list to exactly these.</summary>
    public static readonly IReadOnlyDictionary<Type, string> NotExported = new Dictionary<Type, string>
    {
        [typeof(UserSession)] = "sign-ins of browsers on this install; they mean nothing elsewhere",
        [typeof(PendingImport)] = "uploads waiting for a confirmation that never came; dropped after a day, or sooner to make room for new ones",
        [typeof(CalendarFeed)] = "the secret of a feed address on this install; renew it on the new one",
        [typeof(AuditEvent)] = "this install's record of sign-ins and access; the new install keeps its own",
    };

    /// <summary>The exported tables, each after every table it refers to, so rows can be restored in this order.</summary>
    public static IReadOnlyList<AccountTable> Exported(IModel model)
    {
        var owned = model.GetEntityTypes()
            .Where(e => typeof(IOwned).IsAssignableFrom(e.ClrType) && !NotExported.ContainsKey(e.ClrType) && !e.IsOwned())
            .ToList();
        var tables = owned.Select(Describe).ToDictionary(t => t.Type);
        var ordered = new List<AccountTable>();
        var visiting = new HashSet<IEntityType>();
        void Visit(AccountTable table)
        {
            if (ordered.Contains(table)) return;
            if (!visiting.Add(table.Type)) throw new InvalidOperationException($"Owned tables refer to each other in a circle at {table.Name}.");
            foreach (var reference in table.References.Where(r => r.Target != table.Type))
            {
                if (!tables.TryGetValue(reference.Target, out var target))
                    throw new InvalidOperationException($"{table.Name}.{reference.Column.Name} refers to {reference.Target.ClrType.Name}, which is not exported.");
                Visit(target);
            }
            // A follow-up task's rule key holds ids of further tables (see RuleKeyIds).
            if (table.Type.ClrType == typeof(FollowUpTask))
                foreach (var named in RuleKeyIds.Tables) Visit(tables.Values.Single(t => t.Type.ClrType == named));
            ordered.Add(table);
        }
        foreach (var table in tables.Values.OrderBy(t => t.Name, StringComparer.Ordinal)) Visit(table);
        return ordered;
    }

    /// <summary>Every owned table, exported or not: what deleting an account empties.</summary>
    public static IEnumerable<IEntityType> AllOwned(IModel model) =>
        model.GetEntityTypes().Where(e => typeof(IOwned).IsAssignableFrom(e.ClrType));

    private static AccountTable Describe(IEntityType type)
    {
        var key = type.FindPrimaryKey()!;
        var generated = key.Properties is [var only] && only.ValueGenerated == ValueGenerated.OnAdd && only.ClrType == typeof(int) ? only : null;
        var references = type.GetForeignKeys()
            .Where(fk => fk.PrincipalEntityType.ClrType != typeof(RapportUser))
            .Select(fk => fk.Properties is [var column]
                ? new AccountReference(column, fk.PrincipalEntityType)
                : throw new InvalidOperationException($"{type.ClrType.Name} has a composite foreign key the export cannot map."))
            .ToList();
        // The edit version counts saves on this install; a restored row starts afresh.
        var columns = type.GetProperties()
            .Where(p => p.Name != nameof(IOwned.OwnerId) && p.Name != nameof(IVersioned.Version) && !p.IsShadowProperty()).ToList();
        return new AccountTable(type, type.GetTableName() ?? type.ClrType.Name, generated, columns, references);
    }

    /// <summary>All rows of one owned table for the current owner (the query filter applies).</summary>
    public static Task<List<object>> RowsAsync(RapportDb db, AccountTable table, CancellationToken cancellationToken) =>
        (Task<List<object>>)typeof(AccountTables).GetMethod(nameof(RowsOfAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(table.Type.ClrType).Invoke(null, [db, cancellationToken])!;

    /// <summary>Whether the current owner has any row in the table.</summary>
    public static Task<bool> AnyAsync(RapportDb db, AccountTable table, CancellationToken cancellationToken) =>
        (Task<bool>)typeof(AccountTables).GetMethod(nameof(AnyOfAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(table.Type.ClrType).Invoke(null, [db, cancellationToken])!;

    private static Task<bool> AnyOfAsync<T>(RapportDb db, CancellationToken cancellationToken) where T : class =>
        db.Set<T>().AnyAsync(cancellationToken);

    private static Task<List<object>> RowsOfAsync<T>(RapportDb db, CancellationToken cancellationToken) where T : class =>
        db.Set<T>().AsNoTracking().Cast<object>().ToListAsync(cancellationToken);
}

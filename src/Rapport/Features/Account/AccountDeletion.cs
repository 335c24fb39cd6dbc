using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Rapport.Data;
using Rapport.Features.ImportExport;

namespace Rapport.Features.Account;

/// <summary>Deletes an account and every row it owned, in one transaction. The tables come from the model:
/// every owned table (children before parents), then every other table that points at the account
/// (Identity's claims, logins and tokens, and any added later), then the account itself. Nothing is
/// left to a database cascade, so a table added without one is emptied all the same.</summary>
public sealed class AccountDeletion(RapportDb db, ContactCounts counts, InstallState install)
{
    /// <summary>Why the account may not be deleted now, or null when it may.</summary>
    public async Task<string?> RefusalAsync(string userId, CancellationToken cancellationToken = default)
    {
        if (!await InstallOwner.IsOwnerAsync(db, userId, cancellationToken)) return null;
        return await db.Users.AnyAsync(u => u.Id != userId, cancellationToken)
            ? "Yours is the install's owner account, which looks after backups for everyone here. It can be deleted once it is the only account left."
            : null;
    }

    public async Task DeleteAsync(string userId, CancellationToken cancellationToken = default)
    {
        var owned = AccountTables.Exported(db.Model).Select(t => t.Type).Reverse()
            .Concat(AccountTables.AllOwned(db.Model))
            .Distinct()
            .ToList();
        var pointing = db.Model.GetEntityTypes()
            .Where(e => !owned.Contains(e) && e.ClrType != typeof(RapportUser))
            .SelectMany(e => e.GetForeignKeys().Where(fk => fk.PrincipalEntityType.ClrType == typeof(RapportUser)).Select(fk => (e, fk.Properties.Single())))
            .ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var type in owned)
            await DeleteWhereAsync(type, type.FindProperty(nameof(Domain.IOwned.OwnerId))!, userId, cancellationToken);
        foreach (var (type, column) in pointing)
            await DeleteWhereAsync(type, column, userId, cancellationToken);
        await db.Users.Where(u => u.Id == userId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        counts.Forget(userId);
        if (!await db.Users.AnyAsync(cancellationToken)) install.AccountsRemoved();
    }

    private Task DeleteWhereAsync(IEntityType type, IProperty column, string userId, CancellationToken cancellationToken) =>
        (Task)typeof(AccountDeletion).GetMethod(nameof(DeleteRowsAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
            .MakeGenericMethod(type.ClrType).Invoke(this, [column.Name, userId, cancellationToken])!;

    private Task<int> DeleteRowsAsync<T>(string column, string userId, CancellationToken cancellationToken) where T : class
    {
        var row = Expression.Parameter(typeof(T), "row");
        var value = Expression.Call(typeof(EF), nameof(EF.Property), [typeof(string)], row, Expression.Constant(column));
        var match = Expression.Lambda<Func<T, bool>>(Expression.Equal(value, Expression.Constant(userId)), row);
        return db.Set<T>().IgnoreQueryFilters().Where(match).ExecuteDeleteAsync(cancellationToken);
    }
}

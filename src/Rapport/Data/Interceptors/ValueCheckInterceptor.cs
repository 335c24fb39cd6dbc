using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Rapport.Domain;

namespace Rapport.Data;

/// <summary>Refuses a save that would store a value its object's checks refuse (<see cref="ValueChecks"/>), or
/// text longer than its column, a choice not in its list, a date past <see cref="YearRange.Last"/>. It runs on
/// every save, so a restore, an import or any later writer meets the forms' rules without remembering to call
/// them; the forms check first, to put the message beside the field. On a changed row only the changed values
/// are checked: a value stored before a check existed does not block an edit of something else.</summary>
public sealed class ValueCheckInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        if (context is null) return;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;
            if (RowChecks.FirstProblem(entry) is { } problem) throw new RefusedValueException(entry.Entity, problem);
        }
    }
}

/// <summary>A save refused because a value breaks its object's checks: names the object, the property and
/// what is wrong, for the writer to report (a restore names the row and column).</summary>
public sealed class RefusedValueException(object entity, ValueProblem problem)
    : InvalidOperationException($"{entity.GetType().Name}.{problem.Property}: {problem.Message}")
{
    public object Entity { get; } = entity;
    public ValueProblem Problem { get; } = problem;
}

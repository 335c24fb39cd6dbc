using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Rapport.Domain;

namespace Rapport.Data;

/// <summary>A row's values against its object's checks (<see cref="ValueChecks"/>) and its columns' limits
/// (<see cref="ModelLimits"/>): what the save interceptor runs on every save, and what a write that skips the
/// change tracker (the bulk inserts of an import) calls itself, row by row.</summary>
public static class RowChecks
{
    /// <summary>The first problem of a tracked row about to be saved, or null. On a changed row only the changed
    /// values count: a value stored before a check existed does not block an edit of something else.</summary>
    public static ValueProblem? FirstProblem(EntityEntry entry)
    {
        var added = entry.State == EntityState.Added;
        bool Checked(string property) => added || entry.Property(property).IsModified;
        foreach (var property in entry.Properties)
        {
            if (property.Metadata.IsShadowProperty() || !(added || property.IsModified)) continue;
            if (ModelLimits.Problem(property.Metadata, property.CurrentValue) is { } message) return new(property.Metadata.Name, message);
        }
        return ValueChecks.Of(entry.Entity).FirstOrDefault(p => Checked(p.Property));
    }

    /// <summary>The first problem of a new row that is not tracked, or null.</summary>
    public static ValueProblem? FirstProblem(IModel model, object row)
    {
        var type = model.FindEntityType(row.GetType()) ?? throw new InvalidOperationException($"{row.GetType().Name} is not a table.");
        foreach (var property in type.GetProperties())
        {
            if (property.IsShadowProperty() || property.PropertyInfo is null) continue;
            // EF's compiled getter, not reflection: an import checks every column of tens of thousands of rows.
            if (ModelLimits.Problem(property, property.GetGetter().GetClrValueUsingContainingEntity(row)) is { } message) return new(property.Name, message);
        }
        return ValueChecks.Of(row).FirstOrDefault();
    }

    /// <summary>Refuses a new untracked row the way the interceptor refuses a save.</summary>
    public static void Refuse(IModel model, object row)
    {
        if (FirstProblem(model, row) is { } problem) throw new RefusedValueException(row, problem);
    }
}

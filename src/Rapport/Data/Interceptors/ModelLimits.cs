using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Rapport.Domain;

namespace Rapport.Data;

/// <summary>The limits every column carries in the model, for every table alike: text no longer than its
/// column (SQLite would keep it, PostgreSQL refuses it), a choice from its list, a date no later than
/// <see cref="YearRange.Last"/>. Bulk writes, which skip the interceptors, call it for each value.</summary>
public static class ModelLimits
{
    public static string? Problem(IReadOnlyProperty column, object? value)
    {
        switch (value)
        {
            case string text when column.GetMaxLength() is { } max && text.Length > max:
                return $"Use at most {max} characters.";
            case Enum choice when !IsDefined(choice):
                return "Choose one from the list.";
            case DateTime date when date.Year > YearRange.Last:
            case DateOnly day when day.Year > YearRange.Last:
                return YearRange.Message;
            default:
                return null;
        }
    }

    private static bool IsDefined(Enum choice)
    {
        var value = Convert.ToInt64(choice, System.Globalization.CultureInfo.InvariantCulture);
        var (flags, values, all) = Choices.GetOrAdd(choice.GetType(), Read);
        return flags ? (value & ~all) == 0 : values.Contains(value);
    }

    // Each enum's values, read once: reading its attributes and values by reflection for every value checked was
    // a tenth of a 30,000-connection import's time, whose rows are checked before they are written in bulk.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, (bool Flags, HashSet<long> Values, long All)> Choices = new();

    private static (bool Flags, HashSet<long> Values, long All) Read(Type type)
    {
        var values = Enum.GetValues(type).Cast<Enum>().Select(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        return (type.IsDefined(typeof(FlagsAttribute), false), values, values.Aggregate(0L, (mask, v) => mask | v));
    }
}

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
        var type = choice.GetType();
        if (!type.IsDefined(typeof(FlagsAttribute), false)) return Enum.IsDefined(type, choice);
        var all = Enum.GetValues(type).Cast<Enum>().Aggregate(0L, (mask, v) => mask | Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture));
        return (Convert.ToInt64(choice, System.Globalization.CultureInfo.InvariantCulture) & ~all) == 0;
    }
}

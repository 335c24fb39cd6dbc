namespace Rapport.Domain;

/// <summary>The order a person reads a date in: 6 Dec 2026, Dec 6, 2026 or 2026-12-06.</summary>
public enum DateOrder
{
    DayMonthYear = 0,
    MonthDayYear = 1,
    YearMonthDay = 2,
}

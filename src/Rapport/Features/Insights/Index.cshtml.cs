using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Data;
using Rapport.Web;

namespace Rapport.Features.Insights;

/// <summary>What the search has produced over a chosen period: the funnel, who answers, the weekly rhythm, how
/// the network grows, who led to whom, and what each career field has taught.</summary>
public class IndexModel(RapportDb db, UserTime time, ContactCounts counts) : PageModel
{
    /// <summary>The SQL commands the page sends for any period and any size of account (the benchmark and a test hold it);
    /// one fewer while the months' counts of people added are remembered (<see cref="ContactCounts"/>).</summary>
    public const int SqlCommands = 11;

    public const int DefaultDays = 90;
    public const int MaxYears = 5;

    /// <summary>The presets offered beside the dates: days back from today.</summary>
    public static readonly (int Days, string Label)[] Presets = [(30, "Last 30 days"), (90, "Last 90 days"), (365, "Last 12 months")];

    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public int? Days { get; set; }

    public DateOnly Today { get; private set; }
    public DateOnly PeriodFrom { get; private set; }
    public DateOnly PeriodTo { get; private set; }
    public InsightsReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Today = DateOnly.FromDateTime(time.ToLocal(time.UtcNow));
        var days = Days is int d && Presets.Any(p => p.Days == d) ? d : DefaultDays;
        if (Days is not null && days != Days) ModelState.AddModelError(nameof(Days), $"Choose one of the periods offered: {string.Join(", ", Presets.Select(p => p.Label.ToLowerInvariant()))}.");
        PeriodFrom = Today.AddDays(1 - days);
        PeriodTo = Today;
        if (!string.IsNullOrWhiteSpace(From) || !string.IsNullOrWhiteSpace(To))
        {
            PeriodFrom = Read(nameof(From), From) ?? PeriodFrom;
            PeriodTo = Read(nameof(To), To) ?? PeriodTo;
            if (ModelState.IsValid && PeriodTo < PeriodFrom)
                ModelState.AddModelError(nameof(To), $"The period ends before it starts: choose an end on or after {PeriodFrom:yyyy-MM-dd}.");
            else if (ModelState.IsValid && PeriodTo > PeriodFrom.AddYears(MaxYears))
                ModelState.AddModelError(nameof(To), $"Choose a period of at most {MaxYears} years.");
        }
        // Figures for another period than the one asked would mislead: the page shows the form and its messages only.
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        From = PeriodFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        To = PeriodTo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Report = await InsightsReport.LoadAsync(db, counts, time.Zone, PeriodFrom, PeriodTo, Today);
        return Page();
    }

    private DateOnly? Read(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            ModelState.AddModelError(field, field == nameof(From) ? "Choose the first day of the period." : "Choose the last day of the period.");
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year >= 1900 && day.Year <= 2999)
            return day;
        ModelState.AddModelError(field, $"\"{Clip(text)}\" is not a date: write it as year-month-day, like {Today:yyyy-MM-dd}.");
        return null;
    }

    private static string Clip(string text) => text.Length > 40 ? text[..40] + "…" : text;
}

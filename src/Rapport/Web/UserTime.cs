using System.Globalization;
using Rapport.Domain;

namespace Rapport.Web;

/// <summary>Shows UTC times in the signed-in user's time zone (carried in their sign-in cookie).</summary>
public sealed class UserTime(IHttpContextAccessor http, TimeProvider clock)
{
    public const string TimeZoneClaim = "rapport:tz";

    public TimeZoneInfo Zone => TimeZones.FindOrUtc(http.HttpContext?.User.FindFirst(TimeZoneClaim)?.Value);

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public DateTime ToLocal(DateTime utc) => TimeZones.ToLocal(utc, Zone);

    /// <summary>Like "27 Nov 2026, 14:05": unambiguous across locales.</summary>
    public string Format(DateTime utc) => ToLocal(utc).ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    public string FormatDate(DateTime utc) => ToLocal(utc).ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>The machine-readable value for a &lt;time datetime&gt; attribute.</summary>
    public static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}

using System.Globalization;
using Rapport.Domain;

namespace Rapport.Web;

/// <summary>Shows UTC times in the signed-in user's time zone and date style (both carried in their sign-in cookie).</summary>
public sealed class UserTime(IHttpContextAccessor http, TimeProvider clock)
{
    public const string TimeZoneClaim = "rapport:tz";
    public const string DateStyleClaim = "rapport:dates";

    /// <summary>Looked up once per zone name and request: finding a system zone takes a lock, and a board of 400
    /// cards asks for it a thousand times. Keyed by the name, so a zone changed during the request is seen.</summary>
    public TimeZoneInfo Zone
    {
        get
        {
            var id = http.HttpContext?.User.FindFirst(TimeZoneClaim)?.Value;
            if (zone is null || id != zoneId) (zoneId, zone) = (id, TimeZones.FindOrUtc(id));
            return zone;
        }
    }

    private string? zoneId;
    private TimeZoneInfo? zone;

    /// <summary>The person's date order and clock (see <see cref="DateStyle"/>).</summary>
    public DateStyle Style => DateStyle.Parse(http.HttpContext?.User.FindFirst(DateStyleClaim)?.Value);

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public DateTime ToLocal(DateTime utc) => TimeZones.ToLocal(utc, Zone);

    /// <summary>Like "27 Nov 2026, 14:05" or "Nov 27, 2026, 2:05 PM", as the person reads dates; the month as a word where the order allows.</summary>
    public string Format(DateTime utc) => Style.DateAndTime(ToLocal(utc));

    public string FormatDate(DateTime utc) => Style.Date(ToLocal(utc));

    public string FormatDate(DateOnly day) => Style.Date(day);

    public string FormatTime(DateTime utc) => Style.Time(ToLocal(utc));

    /// <summary>The machine-readable value for a &lt;time datetime&gt; attribute.</summary>
    public static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}

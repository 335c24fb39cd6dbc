namespace Rapport.Web;

public static class Htmx
{
    /// <summary>True when htmx made the request, so a handler returns a fragment instead of the page.
    /// History restores ask for the whole page.</summary>
    public static bool IsHtmx(this HttpRequest request) =>
        request.Headers.ContainsKey("HX-Request") && !request.Headers.ContainsKey("HX-History-Restore-Request");
}

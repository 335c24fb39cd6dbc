namespace Rapport.Domain;

/// <summary>The values a <see cref="CareerFieldLink"/> may hold, whoever writes it.</summary>
public static class CareerFieldLinkChecks
{
    public const string UrlMessage = "Enter a web address starting with https:// or http://.";

    public static string? Url(string? url) => WebAddress.IsWebLink(url) ? null : UrlMessage;

    public static IEnumerable<ValueProblem> Of(CareerFieldLink link)
    {
        if (Url(link.Url) is { } url) yield return new(nameof(CareerFieldLink.Url), url);
    }
}

namespace Rapport.Web;

/// <summary>Absolute links that leave the app (calendar feeds, links in emails) are built from the
/// configured <c>App:PublicUrl</c>, never from the request's Host header, which a client controls.</summary>
public sealed class PublicUrl
{
    public PublicUrl(IConfiguration configuration)
    {
        var configured = configuration["App:PublicUrl"];
        if (string.IsNullOrWhiteSpace(configured)) configured = "http://localhost:5080";
        if (!Uri.TryCreate(configured, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new InvalidOperationException($"App:PublicUrl must be an absolute http or https URL, not '{configured}'.");
        Base = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    public string Base { get; }

    public string For(string appRelativePath) => Base + "/" + appRelativePath.TrimStart('~').TrimStart('/');
}

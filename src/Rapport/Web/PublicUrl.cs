namespace Rapport.Web;

/// <summary>Absolute links that leave the app (calendar feeds, links in emails) are built from the
/// configured <c>App:PublicUrl</c>, never from the request's Host header, which a client controls.</summary>
public sealed class PublicUrl
{
    public PublicUrl(IConfiguration configuration)
    {
        var configured = configuration[Setting];
        if (string.IsNullOrWhiteSpace(configured)) configured = "http://localhost:5080";
        var uri = Read(configured) ?? throw new InvalidOperationException($"{Setting} must be an absolute http or https URL, not '{configured}'.");
        Base = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        IsHttps = uri.Scheme == "https";
        Host = uri.IsDefaultPort ? new HostString(uri.IdnHost) : new HostString(uri.IdnHost, uri.Port);
    }

    public const string Setting = "App:PublicUrl";

    /// <summary>The address, if it is an absolute http or https one with a host; null otherwise (StartupSettings says so).</summary>
    public static Uri? Read(string configured) =>
        Uri.TryCreate(configured, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && !string.IsNullOrEmpty(uri.Host) ? uri : null;

    public string Base { get; }

    /// <summary>The app is meant to be reached over HTTPS.</summary>
    public bool IsHttps { get; }

    /// <summary>The public host, with its port when it is not the scheme's default.</summary>
    public HostString Host { get; }

    public string For(string appRelativePath) => Base + "/" + appRelativePath.TrimStart('~').TrimStart('/');
}

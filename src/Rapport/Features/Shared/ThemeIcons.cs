using Rapport.Domain;

namespace Rapport.Features.Shared;

/// <summary>The icon beside each theme's name in the account menu and the theme form.</summary>
public static class ThemeIcons
{
    public static string Of(Theme theme) => theme switch
    {
        Theme.Light => "sun",
        Theme.Dark => "moon",
        _ => "monitor",
    };
}

using System.Security.Claims;
using Rapport.Domain;

namespace Rapport.Features.Shared;

/// <summary>The person's theme, carried in the sign-in cookie so the layout sets it without a query.</summary>
public static class ThemeClaim
{
    public const string Type = "rapport:theme";

    public static Theme Of(ClaimsPrincipal user) =>
        Enum.TryParse<Theme>(user.FindFirst(Type)?.Value, out var theme) && Enum.IsDefined(theme) ? theme : Theme.System;

    /// <summary>Pico's <c>data-theme</c> value; none follows the device (<c>prefers-color-scheme</c>).</summary>
    public static string? DataTheme(ClaimsPrincipal user) => Of(user) switch
    {
        Theme.Light => "light",
        Theme.Dark => "dark",
        _ => null,
    };
}

using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Rapport.IntegrationTests.Infrastructure;

namespace Rapport.IntegrationTests.Web;

/// <summary>One thing the app answers: a verb on a route, and for a page, which handler
/// (<c>OnPostLog</c> is handler "Log"). <see cref="Inputs"/> are the values it binds (route values,
/// handler parameters, bound properties and the members of bound input objects), to spot ids.</summary>
public sealed record AppEndpoint(string Verb, string Route, string? Handler, IReadOnlyList<string> Inputs)
{
    public string Key => Describe(Verb, Route, Handler);

    public static string Describe(string verb, string route, string? handler) =>
        handler is null ? $"{verb} {route}" : $"{verb} {route}?handler={handler}";

    /// <summary>Inputs whose names say they hold an id (or the route holds one).</summary>
    public IEnumerable<string> IdLikeInputs => Inputs.Where(i =>
        i.Equals("id", StringComparison.OrdinalIgnoreCase) || i.EndsWith("Id", StringComparison.Ordinal) || i.EndsWith("Ids", StringComparison.Ordinal));
}

/// <summary>Reads every endpoint from the running app's own endpoint list, so nothing is listed by hand.</summary>
public static class AppEndpoints
{
    public static async Task<IReadOnlyList<AppEndpoint>> ReadAsync(RapportApp app)
    {
        var loader = app.Services.GetRequiredService<PageLoader>();
        var found = new List<AppEndpoint>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            var routeValues = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToList();
            var page = endpoint.Metadata.GetMetadata<PageActionDescriptor>();
            if (page is null)
            {
                foreach (var verb in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"])
                    found.Add(new AppEndpoint(verb, route, null, routeValues));
                continue;
            }
            var compiled = page as CompiledPageActionDescriptor ?? await loader.LoadAsync(page, endpoint.Metadata);
            foreach (var handler in compiled.HandlerMethods)
            {
                var bound = BoundOn(compiled, handler.HttpMethod);
                var parameters = handler.Parameters.SelectMany(p => Members(p.Name, p.ParameterType));
                found.Add(new AppEndpoint(handler.HttpMethod.ToUpperInvariant(), route, handler.Name,
                    routeValues.Concat(parameters).Concat(bound).Distinct().ToList()));
            }
            // A page without a GET handler still renders on GET; it is an endpoint all the same.
            if (!compiled.HandlerMethods.Any(h => h.HttpMethod.Equals("GET", StringComparison.OrdinalIgnoreCase) && h.Name is null))
                found.Add(new AppEndpoint("GET", route, null, routeValues.Concat(BoundOn(compiled, "GET")).Distinct().ToList()));
        }
        return found.DistinctBy(e => e.Key).OrderBy(e => e.Route, StringComparer.Ordinal).ThenBy(e => e.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>The page's bound properties a request with this verb fills: on GET only those that say
    /// SupportsGet (or come from the route).</summary>
    private static List<string> BoundOn(CompiledPageActionDescriptor page, string verb) => page.BoundProperties
        .Where(p => !verb.Equals("GET", StringComparison.OrdinalIgnoreCase)
            || p is not PageBoundPropertyDescriptor { Property: var property }
            || property.GetCustomAttribute<BindPropertyAttribute>()?.SupportsGet != false)
        .SelectMany(p => Members(p.Name, p.ParameterType)).ToList();

    /// <summary>A bound value's name, and for an input object (a class of our own), its members' names too.</summary>
    private static IEnumerable<string> Members(string name, Type type)
    {
        yield return name;
        if (type.Namespace?.StartsWith("Rapport", StringComparison.Ordinal) == true && type.IsClass)
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
                yield return $"{name}.{property.Name}";
        }
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Routing;
using Rapport.Web;

namespace Rapport.UnitTests.Web;

public class IdLinksTests
{
    /// <summary>Routes as a template says, with the id where the template puts it.</summary>
    private sealed class Routes(string template) : IUrlHelper
    {
        public ActionContext ActionContext { get; } = new(new DefaultHttpContext(), new RouteData(), new ActionDescriptor());
        public string? RouteUrl(UrlRouteContext routeContext) =>
            template.Replace("{id}", new RouteValueDictionary(routeContext.Values)["id"]?.ToString(), StringComparison.Ordinal);
        public string? Action(UrlActionContext actionContext) => throw new NotSupportedException();
        public string? Content(string? contentPath) => throw new NotSupportedException();
        public bool IsLocalUrl(string? url) => throw new NotSupportedException();
        public string? Link(string? routeName, object? values) => throw new NotSupportedException();
    }

    [Theory]
    [InlineData("/people/{id}", "/people/42")]
    [InlineData("/people/{id}/edit", "/people/42/edit")]
    [InlineData("/people?id={id}&tab=notes", "/people?id=42&tab=notes")]
    public void Each_id_goes_where_the_route_puts_it(string template, string expected) =>
        Assert.Equal(expected, new IdLinks(new Routes(template), "/People/Details").For(42));

    [Fact]
    public void A_route_that_drops_the_id_is_refused_at_once() =>
        Assert.Throws<InvalidOperationException>(() => new IdLinks(new Routes("/people"), "/People/Details"));
}

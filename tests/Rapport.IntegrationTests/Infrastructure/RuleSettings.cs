using System.Net;

namespace Rapport.IntegrationTests.Infrastructure;

/// <summary>Sets the follow-up rules through their page, as the person does.</summary>
public static class RuleSettings
{
    /// <summary>Keeping in touch off, except with people tagged <paramref name="tag"/>: every <paramref name="days"/> days.</summary>
    public static async Task KeepInTouchOnlyWithAsync(this AppClient client, string tag, int days)
    {
        var rules = await client.GetPageAsync("/account/rules");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(rules, "main form", new() { ["Input.KeepInTouchOn"] = "false" })).StatusCode);
        rules = await client.GetPageAsync("/account/rules");
        Assert.Equal(HttpStatusCode.Redirect,
            (await client.SubmitAsync(rules, "form[action*='handler=Cadence']", new() { ["tag"] = tag, ["days"] = days.ToString(System.Globalization.CultureInfo.InvariantCulture) })).StatusCode);
    }
}

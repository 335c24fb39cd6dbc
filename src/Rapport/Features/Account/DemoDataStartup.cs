using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.FollowUps;

namespace Rapport.Features.Account;

public static class DemoDataStartup
{
    /// <summary>With <c>--demo</c>: makes the demo account if it is missing and fills it once. Work outside a
    /// request, so the rule pass follows it as it follows a page's save.</summary>
    public static async Task LoadDemoDataIfAskedAsync(this IServiceProvider services, ILogger log)
    {
        if (!services.GetRequiredService<DemoOptions>().Enabled) return;
        await services.RunOutsideRequestAsync(null, async scope =>
        {
            var users = scope.GetRequiredService<UserManager<RapportUser>>();
            var user = await users.FindByEmailAsync(DemoOptions.Email);
            if (user is null)
            {
                user = new RapportUser
                {
                    UserName = DemoOptions.Email,
                    Email = DemoOptions.Email,
                    DisplayName = "Sam Demo",
                    TimeZoneId = "America/New_York",
                    School = "State University",
                    SelfIntroduction = "I'm finishing a degree in information science and exploring UX research and data analysis. I'd love to hear how you got into your field.",
                    CreatedAtUtc = DateTime.UtcNow,
                };
                var result = await users.CreateAsync(user, DemoOptions.Password);
                if (!result.Succeeded) throw new InvalidOperationException("Could not make the demo account: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            }
            scope.GetRequiredService<CurrentOwner>().ActAs(user.Id);
            var db = scope.GetRequiredService<RapportDb>();
            if (!await db.Contacts.AnyAsync()) await scope.GetRequiredService<DemoData>().AddSampleContactsAsync();
        });
        // No password in the log, not even this public one: the sign-in page shows it.
        log.LogWarning("Demo data is loaded. Sign in as {Email}; the sign-in page shows the password.", DemoOptions.Email);
    }
}

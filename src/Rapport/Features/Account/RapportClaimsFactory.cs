using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Rapport.Data;
using Rapport.Features.Shared;
using Rapport.Web;

namespace Rapport.Features.Account;

/// <summary>Puts the profile's time zone, date style and theme into the sign-in cookie, so showing a date needs no query.</summary>
public sealed class RapportClaimsFactory(UserManager<RapportUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<RapportUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(RapportUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(UserTime.TimeZoneClaim, user.TimeZoneId));
        identity.AddClaim(new Claim(UserTime.DateStyleClaim, user.DateStyle.Key));
        identity.AddClaim(new Claim(ClaimTypes.GivenName, user.DisplayName));
        identity.AddClaim(new Claim(ThemeClaim.Type, user.Theme.ToString()));
        return identity;
    }
}

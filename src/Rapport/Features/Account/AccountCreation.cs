using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Rapport.Data;
using Rapport.Domain;

namespace Rapport.Features.Account;

/// <summary>Makes an account from <see cref="NewAccountInput"/>, putting each refusal beside the
/// field it concerns. Used by the first-run setup and by registration.</summary>
public sealed class AccountCreation(UserManager<RapportUser> users, TimeProvider clock)
{
    public const string EmailTaken = "An account with this email already exists. Sign in instead.";

    /// <param name="emailConfirmed">The person followed a link sent to the address.</param>
    public async Task<RapportUser?> CreateAsync(NewAccountInput input, ModelStateDictionary modelState, string prefix = "Input", bool installOwner = false,
        bool emailConfirmed = false)
    {
        var zone = TimeZones.ToIanaId(input.TimeZoneId);
        if (zone is null) modelState.AddModelError($"{prefix}.{nameof(input.TimeZoneId)}", "Choose a time zone from the list.");
        if (!modelState.IsValid) return null;

        var email = input.Email.Trim();
        var user = new RapportUser
        {
            UserName = email,
            Email = email,
            DisplayName = input.DisplayName.Trim(),
            TimeZoneId = zone!,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            EmailConfirmed = emailConfirmed,
        };
        var result = await users.CreateAsync(user, input.Password);
        if (result.Succeeded && installOwner) result = await users.AddClaimAsync(user, new System.Security.Claims.Claim(InstallOwner.ClaimType, "true"));
        if (result.Succeeded) return user;

        var refusals = result.Errors.Select(error =>
        {
            var field = error.Code switch
            {
                _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => nameof(input.Password),
                "DuplicateEmail" or "DuplicateUserName" or "InvalidEmail" or "InvalidUserName" => nameof(input.Email),
                _ => null,
            };
            var description = error.Code is "DuplicateEmail" or "DuplicateUserName"
                ? EmailTaken
                : error.Description;
            return (Key: field is null ? "" : $"{prefix}.{field}", description);
        });
        foreach (var (key, description) in refusals.Distinct()) modelState.AddModelError(key, description);
        return null;
    }
}

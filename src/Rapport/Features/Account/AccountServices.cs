using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Rapport.Data;
using Rapport.Web;

namespace Rapport.Features.Account;

public static class AccountServices
{
    public const string CookieName = "Rapport.SignIn";

    /// <summary>How often a sign-in is re-checked against the account's security stamp (a password change).</summary>
    public static readonly TimeSpan SessionCheckInterval = TimeSpan.FromMinutes(1);

    private static Task RedirectWithinApp(RedirectContext<CookieAuthenticationOptions> context)
    {
        var target = Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : context.RedirectUri;
        if (context.Request.IsHtmx()) context.Response.Headers["HX-Redirect"] = target;
        context.Response.Redirect(target);
        return Task.CompletedTask;
    }

    public static IServiceCollection AddRapportIdentity(this IServiceCollection services, IConfiguration configuration, DataFolder dataFolder)
    {
        services.Configure<AccountOptions>(configuration.GetSection("Accounts"));

        services.AddIdentityCore<RapportUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = PasswordPolicy.MinLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<RapportDb>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<RapportClaimsFactory>()
            .AddPasswordValidator<PasswordPolicyValidator>();

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = "/account/sign-in";
            cookie.LogoutPath = "/account/sign-out";
            cookie.AccessDeniedPath = "/account/sign-in";
            cookie.ExpireTimeSpan = TimeSpan.FromDays(14);
            cookie.SlidingExpiration = true;
            cookie.Events.OnValidatePrincipal = SignInSessions.ValidateAsync;
            // Redirect with a path only: an absolute one would echo whatever Host header the request carried.
            cookie.Events.OnRedirectToLogin = RedirectWithinApp;
            cookie.Events.OnRedirectToAccessDenied = RedirectWithinApp;
        });
        // The sign-in cookie is checked against the account's security stamp this often; signing out
        // and changing the password renew the stamp, so other copies of the cookie stop working.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = SessionCheckInterval;
            o.OnRefreshingPrincipal = SignInSessions.KeepSessionClaim;
        });

        // Keys in the data folder: a restart signs no one out and open forms keep working.
        services.AddDataProtection()
            .SetApplicationName("Rapport")
            .PersistKeysToFileSystem(new DirectoryInfo(dataFolder.KeysPath));

        services.AddSingleton<InstallState>();
        services.AddScoped<SignInSessions>();
        services.AddScoped<AccountCreation>();
        services.AddSingleton<UnknownAccountAttempts>();
        services.AddSingleton<ExistingAccountAnswers>();
        services.AddSingleton<RegistrationMail>();
        services.AddSignInLimits(configuration);
        return services;
    }
}

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Rapport.Data;
using Rapport.Web;

namespace Rapport.Features.Account;

public enum RegistrationMode
{
    /// <summary>Only the owner's account, made on the first visit (personal mode).</summary>
    Closed,
    /// <summary>Anyone who reaches the app can make an account (a hosted instance).</summary>
    Open,
}

/// <summary>Bound from the <c>Accounts</c> section.</summary>
public sealed class AccountOptions
{
    public RegistrationMode Registration { get; set; } = RegistrationMode.Closed;
}

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

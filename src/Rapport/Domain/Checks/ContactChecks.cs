namespace Rapport.Domain;

/// <summary>The values a <see cref="Contact"/> may hold, whoever writes it. The form and the imports also
/// turn any way of writing a LinkedIn address into its one form; what is stored is at least a web link.</summary>
public static class ContactChecks
{
    public const string LinkedInMessage = "Enter a LinkedIn profile address like https://www.linkedin.com/in/name.";

    public static string? LinkedInUrl(string? url) => url is null || WebAddress.IsWebLink(url) ? null : LinkedInMessage;

    public static IEnumerable<ValueProblem> Of(Contact contact)
    {
        if (LinkedInUrl(contact.LinkedInUrl) is { } linkedIn) yield return new(nameof(Contact.LinkedInUrl), linkedIn);
        if (!YearRange.Holds(contact.LastContactedOn)) yield return new(nameof(Contact.LastContactedOn), YearRange.Message);
        if (!YearRange.Holds(contact.ConnectedOn)) yield return new(nameof(Contact.ConnectedOn), YearRange.Message);
    }
}

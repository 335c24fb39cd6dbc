namespace Rapport.Domain;

/// <summary>One signed-in browser. The sign-in cookie names it; signing out deletes it, so a copy
/// of that cookie is refused at once, while the user's other browsers stay signed in.</summary>
public class UserSession : IOwned
{
    public const int IdLength = 43;

    public string Id { get; set; } = "";
    public string OwnerId { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
}

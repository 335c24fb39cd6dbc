namespace Rapport.Features.Shared;

/// <summary>A contact's picture, or their initials when they have none (<c>_Avatar</c>).</summary>
public sealed record Avatar(int ContactId, string Name, bool HasPhoto, bool Large = false)
{
    public string Initials => Domain.Initials.Of(Name, null);
}

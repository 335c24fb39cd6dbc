namespace Rapport.Features.Shared;

/// <summary>A contact's picture, or their initials on a coloured disc when they have none (<c>_Avatar</c>).</summary>
public sealed record Avatar(int ContactId, string Name, bool HasPhoto, bool Large = false)
{
    /// <summary>How many disc colours site.css defines (<c>.avatar-hue-0</c> to <c>-7</c>), each readable in both themes.</summary>
    public const int Hues = 8;

    public string Initials => Domain.Initials.Of(Name, null);

    /// <summary>The disc's colour, from the name alone, so a person keeps theirs on every page and every day
    /// (string.GetHashCode changes from one run to the next; FNV-1a does not).</summary>
    public int Hue
    {
        get
        {
            var hash = 2166136261u;
            foreach (var c in Name.Trim().ToLowerInvariant())
            {
                hash ^= c;
                hash *= 16777619u;
            }
            return (int)(hash % Hues);
        }
    }
}

using Microsoft.AspNetCore.Identity;

namespace Rapport.Data;

/// <summary>An account. The profile fields live here; everything the user owns points at <c>Id</c>.</summary>
public class RapportUser : IdentityUser
{
    public const int DisplayNameMaxLength = 100;
    public const int TimeZoneIdMaxLength = 64;
    public const int SelfIntroductionMaxLength = 1_500;

    public string DisplayName { get; set; } = "";

    /// <summary>IANA id, such as <c>Europe/Berlin</c>. Every date the user sees is shown in it.</summary>
    public string TimeZoneId { get; set; } = "UTC";

    /// <summary>The short introduction the person reads out or pastes at the start of a conversation.</summary>
    public string? SelfIntroduction { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}

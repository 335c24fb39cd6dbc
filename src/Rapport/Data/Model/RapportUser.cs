using Microsoft.AspNetCore.Identity;

namespace Rapport.Data;

/// <summary>An account. The profile fields live here; everything the user owns points at <c>Id</c>.</summary>
public class RapportUser : IdentityUser, Rapport.Domain.IVersioned
{
    public const int DisplayNameMaxLength = 100;
    public const int TimeZoneIdMaxLength = 64;
    public const int SelfIntroductionMaxLength = 1_500;

    public string DisplayName { get; set; } = "";

    /// <summary>IANA id, such as <c>Europe/Berlin</c>. Every date the user sees is shown in it.</summary>
    public string TimeZoneId { get; set; } = "UTC";

    /// <summary>How dates read: set from the browser's language at the first sign-in, then by the person.</summary>
    public Rapport.Domain.DateOrder? DateOrder { get; set; }

    /// <summary>24-hour (true) or 12-hour clock; null until the first sign-in, like <see cref="DateOrder"/>.</summary>
    public bool? TwentyFourHourClock { get; set; }

    /// <summary>The style every date and time is shown in (the app's default until the first sign-in chose one).</summary>
    public Rapport.Domain.DateStyle DateStyle => DateOrder is { } order && TwentyFourHourClock is bool clock
        ? new Rapport.Domain.DateStyle(order, clock) : Rapport.Domain.DateStyle.Default;

    /// <summary>Light, dark, or as the device is set (carried in the sign-in cookie, so no page reads it).</summary>
    public Rapport.Domain.Theme Theme { get; set; }

    /// <summary>The short introduction the person reads out or pastes at the start of a conversation.</summary>
    public string? SelfIntroduction { get; set; }

    /// <summary>Where the person studied: contacts whose school matches are warm paths to where they work.</summary>
    public string? School { get; set; }
    public const int PeopleColumnsMaxLength = 200;

    /// <summary>The columns the person chose for the people table, comma-separated (see <c>PeopleColumns</c>); null: all of them.</summary>
    public string? PeopleColumns { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The profile and follow-up rules are edited through forms (see <c>IVersioned</c>).</summary>
    public int Version { get; set; } = 1;

    /// <summary>Follow-up policies (product defaults; ranges checked by <c>FollowUpPolicy</c>).</summary>
    public int ThankYouHours { get; set; } = 48;
    public int NudgeBusinessDays { get; set; } = 3;
    public int FollowUpBusinessDays { get; set; } = 7;
    public int? KeepInTouchDays { get; set; } = 90;
    public int WeeklyRequestGoal { get; set; } = 3;

    /// <summary>LinkedIn's invitation note limit: 200 characters, 300 with a premium account.</summary>
    public int LinkedInNoteLimit { get; set; } = 200;

    /// <summary>When the daily email of due tasks goes out, in the person's zone; null: no email.</summary>
    public TimeOnly? DigestTime { get; set; }

    /// <summary>The local day the last digest went out, so a restart never sends it twice.</summary>
    public DateOnly? DigestSentOn { get; set; }
}

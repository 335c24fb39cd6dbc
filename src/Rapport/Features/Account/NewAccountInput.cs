using System.ComponentModel.DataAnnotations;
using Rapport.Data;
using Rapport.Web;

namespace Rapport.Features.Account;

/// <summary>The fields of a new account, shared by the first-run setup and registration.</summary>
public sealed class NewAccountInput : ChosenPassword
{
    [Required(ErrorMessage = "Enter your name.")]
    [StringLength(RapportUser.DisplayNameMaxLength, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Your name")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Enter your email address.")]
    [Email]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Choose your time zone.")]
    [Display(Name = "Time zone")]
    public string TimeZoneId { get; set; } = "UTC";
}

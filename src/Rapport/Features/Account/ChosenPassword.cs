using System.ComponentModel.DataAnnotations;

namespace Rapport.Features.Account;

/// <summary>A new password typed twice: part of a new account's fields, and all the page that finishes an emailed
/// registration asks for.</summary>
public class ChosenPassword
{
    [Required(ErrorMessage = "Choose a password.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Type the password again.")]
    [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password again")]
    public string ConfirmPassword { get; set; } = "";
}

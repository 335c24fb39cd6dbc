using System.ComponentModel.DataAnnotations;
using Rapport.Domain;

namespace Rapport.Web;

/// <summary>An optional email field: empty passes (use [Required] too when it must be there).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class EmailAttribute : ValidationAttribute
{
    public EmailAttribute() : base("Enter an email address like name@example.com.") { }

    public override bool IsValid(object? value) =>
        value is null || value is string { Length: 0 } || EmailAddress.IsValid(value as string);
}

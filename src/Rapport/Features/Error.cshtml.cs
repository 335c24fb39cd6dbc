using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Rapport.Features;

[IgnoreAntiforgeryToken]
public class ErrorModel : PageModel
{
    public int Code { get; private set; } = 500;

    public void OnGet(int? code) => Code = code ?? 500;

    public void OnPost(int? code) => Code = code ?? 500;

    private int RetryAfterSeconds => HttpContext.Items[Account.SignInLimits.RetryAfterItem] as int? ?? 60;

    public string Heading => Code switch
    {
        404 => "Not found",
        400 => "That request could not be read",
        403 => "Not allowed",
        413 => "That is too large",
        429 => "Too many attempts",
        _ => "Something went wrong",
    };

    public string Explanation => Code switch
    {
        404 => "There is nothing at this address, or it is not yours to see.",
        400 => "Part of what was sent was not understood. Go back, check the form and try again.",
        403 => "You do not have access to this.",
        413 => "What you sent is larger than Rapport accepts.",
        429 => $"Too many sign-in attempts came from your address. Wait {RetryAfterSeconds} seconds, then try again.",
        _ => "Rapport could not finish this. Nothing you typed before this page was lost; go back and try again.",
    };
}

using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Rapport.Features.About;

/// <summary>What Rapport is and where each step of the practice lives. It reads nothing from the
/// database, so the benchmark also uses it as the cost of the layout alone.</summary>
public class IndexModel : PageModel
{
    public BuildInfo Build => BuildInfo.Current;

    public void OnGet()
    {
    }
}

using System.Security.Claims;

namespace Rapport.Data;

/// <summary>Whose rows this request may see. Read from the signed-in user, or set once by code that
/// works for a user outside a request (demo data, tests). Every owned query is filtered by it.</summary>
public sealed class CurrentOwner(IHttpContextAccessor http)
{
    private string? _explicitId;

    public string? Id => _explicitId ?? http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>Works on behalf of one user for the rest of this scope.</summary>
    public void ActAs(string userId)
    {
        if (_explicitId is not null && _explicitId != userId)
            throw new InvalidOperationException("This scope already acts for another user.");
        _explicitId = userId;
    }
}

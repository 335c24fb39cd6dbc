using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Domain;
using Rapport.Web;

namespace Rapport.Features.Shared;

/// <summary>What an edit form carries from when it was opened (two hidden fields): the record's version,
/// and a fingerprint of its fields so a conflict can name what changed.</summary>
public sealed class OpenedAt
{
    public int Version { get; set; }
    public string? Fields { get; set; }

    public static OpenedAt Of(IVersioned row, IReadOnlyList<FormField> fields) =>
        new() { Version = row.Version, Fields = ChangesSinceOpened.Fingerprint(fields) };
}

/// <summary>The notice above a form whose record was saved elsewhere since it was opened.</summary>
public sealed record EditConflict(IReadOnlyList<string> Changes)
{
    public static EditConflict Between(OpenedAt opened, IReadOnlyList<FormField> saved, IReadOnlyList<FormField> typed) =>
        new(ChangesSinceOpened.Describe(opened.Fields, saved, typed));
}

public static class EditConflictResults
{
    /// <summary>The form again with the person's typing (409): the whole page, or for htmx the fragment.</summary>
    public static IActionResult Conflicted(this PageModel page, string? htmxPartial = null, object? partialModel = null)
    {
        page.Response.StatusCode = StatusCodes.Status409Conflict;
        return htmxPartial is not null && page.Request.IsHtmx() ? page.Partial(htmxPartial, partialModel) : page.Page();
    }
}

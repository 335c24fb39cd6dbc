using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rapport.Domain;
using Rapport.Web;

namespace Rapport.Features.Shared;

/// <summary>What an edit form carries from when it was opened (two hidden fields): the record's version,
/// and a fingerprint of its fields so a conflict can name what changed. Bound as <c>Opened</c>.</summary>
public sealed class OpenedAt
{
    public int Version { get; set; }
    public string? Fields { get; set; }

    /// <summary>The version a save from this form may write over: the stored one when it is the one the
    /// form opened at, or when it moved by a change to none of the form's fields (a stage move, a logged
    /// call); null when someone changed what the form shows, which is a conflict.</summary>
    public int? WritableOver(IVersioned stored, IReadOnlyList<FormField> storedFields) =>
        stored.Version == Version || ChangesSinceOpened.NoneChanged(Fields, storedFields) ? stored.Version : null;

    public static OpenedAt Of(IVersioned row, IReadOnlyList<FormField> fields) => Of(row.Version, fields);

    /// <summary>For a read model, which carries the version it was read at rather than the row.</summary>
    public static OpenedAt Of(int version, IReadOnlyList<FormField> fields) =>
        new() { Version = version, Fields = ChangesSinceOpened.Fingerprint(fields) };
}

/// <summary>The notice above a form whose record was saved elsewhere since it was opened.</summary>
public sealed record EditConflict(IReadOnlyList<string> Changes);

/// <summary>What an edit form renders besides its fields (see _EditState): the version it now stands
/// at, and the conflict notice if its last save was refused.</summary>
public sealed record EditState(OpenedAt Opened, EditConflict? Conflict = null)
{
    public static EditState Opening(IVersioned row, IReadOnlyList<FormField> fields) => new(OpenedAt.Of(row, fields));

    public static EditState Opening(int version, IReadOnlyList<FormField> fields) => new(OpenedAt.Of(version, fields));

    /// <summary>After a refused save: the form now stands at the saved version, so saving again keeps
    /// the person's typing over it, and the notice names what changed since <paramref name="posted"/>.</summary>
    public static EditState Refused(OpenedAt posted, IVersioned saved, IReadOnlyList<FormField> savedFields, IReadOnlyList<FormField> typed) =>
        Refused(posted, saved.Version, savedFields, typed);

    public static EditState Refused(OpenedAt posted, int savedVersion, IReadOnlyList<FormField> savedFields, IReadOnlyList<FormField> typed) =>
        new(OpenedAt.Of(savedVersion, savedFields), new EditConflict(ChangesSinceOpened.Describe(posted.Fields, savedFields, typed)));
}

public static class EditConflictResults
{
    /// <summary>The form again with the person's typing (409): the whole page, or for htmx the fragment.
    /// Model state is cleared so the fields render from the typed input and the new version.</summary>
    public static IActionResult Conflicted(this PageModel page, string? htmxPartial = null, object? partialModel = null)
    {
        page.Response.StatusCode = StatusCodes.Status409Conflict;
        return htmxPartial is not null && page.Request.IsHtmx() ? page.Partial(htmxPartial, partialModel) : page.Page();
    }
}

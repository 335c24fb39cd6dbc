using Rapport.Domain;

namespace Rapport.Features.ImportExport;

/// <summary>A contact's own columns as an export reads them, with the name of their organization.</summary>
public sealed record ExportedContact(
    int Id, string SearchKey, Guid Uid, string FirstName, string? LastName, string? Title, string? OrganizationName, string? City,
    string? LinkedInUrl, ContactSource? Source, int? ReferredById, string? AlumniOf, Priority Priority, bool DoNotContact, string? Notes,
    DateOnly? ConnectedOn, DateOnly? LastContactedOn, string? LinkedInCompany, string? LinkedInPosition, DateTime CreatedAtUtc, DateTime UpdatedAtUtc)
{
    public string FullName => Contact.FullNameOf(FirstName, LastName);
}

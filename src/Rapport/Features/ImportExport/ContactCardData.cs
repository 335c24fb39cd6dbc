using Rapport.Domain;

namespace Rapport.Features.ImportExport;

/// <summary>Everything about a contact that goes into their card, their CSV row and their JSON, as plain values:
/// who referred them (unless that person is in the trash), the lists in the order the contact page shows them,
/// the timeline oldest first.</summary>
public sealed record ContactCardData(
    ExportedContact Contact, (Guid Uid, string Name)? ReferredBy, IReadOnlyList<(string? Label, string Value)> Emails,
    IReadOnlyList<(string? Label, string Value)> Phones, IReadOnlyList<string> Tags, IReadOnlyList<string> FieldNames,
    IReadOnlyList<(DateTime AtUtc, ContactEventKind Kind, string Text)> Events, (string ContentType, byte[] Bytes)? Photo = null);

namespace Rapport.Features.Shared;

/// <summary>A contact named on a page, linked to their own page.</summary>
public sealed record PersonLink(int Id, string Name);

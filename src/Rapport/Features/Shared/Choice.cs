namespace Rapport.Features.Shared;

/// <summary>One of the person's own rows offered in a form: a career field to tick, an organization to pick.</summary>
public sealed record Choice(int Id, string Name);

using Rapport.Features.Shared;

namespace Rapport.Features.People;

/// <summary>A contact already in the list who is probably the one being added, and why it looks so.</summary>
public sealed record AlreadyThere(PersonLink Contact, string Reason);

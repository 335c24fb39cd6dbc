namespace Rapport.Domain;

/// <summary>One field of an edit form as the person reads it ("Title", "Data analyst").</summary>
public sealed record FormField(string Label, string? Value);

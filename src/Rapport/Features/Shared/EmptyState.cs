namespace Rapport.Features.Shared;

/// <summary>What a section shows while it has nothing in it: what goes here, and the first step (the one button).</summary>
public sealed record EmptyState(string Id, string Heading, string Text, string? ActionHref = null, string? ActionLabel = null,
    string? ActionIcon = null);

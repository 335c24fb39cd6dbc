namespace Rapport.Domain;

/// <summary>A proposed list of questions, in the order to ask them, with a hint when its length is off.</summary>
public sealed record TailoredList(IReadOnlyList<QuestionCandidate> Questions, string? Advice);

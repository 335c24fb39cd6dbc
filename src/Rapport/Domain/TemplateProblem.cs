namespace Rapport.Domain;

/// <summary>Something wrong with a template, in words the person can act on.</summary>
public sealed record TemplateProblem(string Message);

namespace Rapport.Domain;

/// <summary>A value an object may not hold: the property (as the entity names it) and what is wrong, in
/// words the person reads beside a form field or in a restore's or an import's report.</summary>
public sealed record ValueProblem(string Property, string Message);

namespace Rapport.Domain;

/// <summary>One piece of advice about a message: which rule, whether the message follows it, and a
/// short hint (what is good when it passed, how to fix it when it did not).</summary>
public sealed record CheckResult(string Rule, bool Passed, string Hint);

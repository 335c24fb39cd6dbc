namespace Rapport.Domain;

/// <summary>One piece of advice about a message: which rule, whether the message follows it, and a
/// short hint (what is good when it passed, how to fix it when it did not). A serious one (a
/// placeholder still in brackets) is shown first and in red: the contact would see it.</summary>
public sealed record CheckResult(string Rule, bool Passed, string Hint, bool Serious = false);

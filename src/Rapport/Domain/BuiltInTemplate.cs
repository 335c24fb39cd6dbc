namespace Rapport.Domain;

/// <summary>A message template that ships with Rapport. Subject is set for messages sent by email
/// and null for notes, scripts and cards.</summary>
public sealed record BuiltInTemplate(string Key, string Name, Channel Channel, TemplatePurpose Purpose, string? Subject, string Body);

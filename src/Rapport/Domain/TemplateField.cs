namespace Rapport.Domain;

/// <summary>A merge field a message template may use, written as {{Name}}.</summary>
public sealed record TemplateField(string Name, string Description, string Example);

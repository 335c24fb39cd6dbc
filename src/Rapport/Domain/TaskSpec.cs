namespace Rapport.Domain;

/// <summary>What a rule wants to exist. RuleKey is stable and unique per thing the task is about, so the app can
/// insert the tasks whose key it has not seen yet and never make a task twice; DueUtc may change (a moved
/// meeting), and the app then moves the open task instead of adding one. AllDay tasks are due on a local date;
/// their DueUtc is 09:00 local that day.</summary>
public sealed record TaskSpec(string RuleKey, TaskKind Kind, int ContactId, int? ConversationId, string Title, DateTime DueUtc, bool AllDay);

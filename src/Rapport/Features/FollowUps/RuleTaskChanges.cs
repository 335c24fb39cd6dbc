namespace Rapport.Features.FollowUps;

/// <summary>What one rule pass did to the person's tasks, by rule key: made, moved to a new due time, closed
/// because no rule wants them any more. Empty when the tasks already were what the facts call for.</summary>
public sealed record RuleTaskChanges(IReadOnlyList<string> Added, IReadOnlyList<string> Moved, IReadOnlyList<string> Closed)
{
    public static RuleTaskChanges None { get; } = new([], [], []);

    public bool IsEmpty => Added.Count == 0 && Moved.Count == 0 && Closed.Count == 0;

    public override string ToString() =>
        IsEmpty ? "nothing" : $"added [{string.Join(", ", Added)}], moved [{string.Join(", ", Moved)}], closed [{string.Join(", ", Closed)}]";
}

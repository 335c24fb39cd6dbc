namespace Rapport.Data;

/// <summary>What a write that bypasses the change tracker does to a table (see <see cref="RuleFacts"/>).</summary>
public enum BulkWrite
{
    Insert,
    Update,
    Delete,
}

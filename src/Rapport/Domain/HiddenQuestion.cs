namespace Rapport.Domain;

/// <summary>A built-in question the person does not want proposed.</summary>
public class HiddenQuestion : IOwned
{
    public string OwnerId { get; set; } = "";
    public string Key { get; set; } = "";
}

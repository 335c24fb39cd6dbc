namespace Rapport.Domain;

public class ContactEmail : IOwned
{
    public const int AddressMaxLength = 254;
    public const int LabelMaxLength = 50;

    public int Id { get; set; }
    public string OwnerId { get; set; } = "";
    public int ContactId { get; set; }
    public string Address { get; set; } = "";
    public string? Label { get; set; }

    /// <summary>Lower-cased for matching on import ("ADA@X.COM" is "ada@x.com").</summary>
    public string NormalizedAddress { get; set; } = "";

    public static string Normalize(string address) => address.Trim().ToLowerInvariant();
}

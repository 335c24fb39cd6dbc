namespace Rapport.Domain;

/// <summary>A contact's picture, as an address book gave it (a vCard PHOTO). Kept in its own table, so reading a contact
/// never reads the bytes; the contact page and the people list ask for it by the contact's id.</summary>
public class ContactPhoto : IOwned
{
    /// <summary>Larger photos are not kept (an import names them): a face at avatar size needs far less.</summary>
    public const int MaxBytes = 512 * 1024;

    public const int ContentTypeMaxLength = 20;

    public int ContactId { get; set; }
    public string OwnerId { get; set; } = "";

    /// <summary>From the bytes' magic numbers ("image/jpeg"), never from what the card claimed.</summary>
    public string ContentType { get; set; } = "";

    public byte[] Bytes { get; set; } = [];
}

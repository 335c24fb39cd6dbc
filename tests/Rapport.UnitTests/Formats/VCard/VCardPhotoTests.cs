using Rapport.Formats.VCard;

namespace Rapport.UnitTests.Formats.VCard;

public class VCardPhotoTests
{
    private static readonly byte[] Bytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34];

    private static readonly string Base64 = Convert.ToBase64String(Bytes);

    private static VCardPhoto? PhotoOf(params string[] lines) =>
        Assert.Single(VCardReader.Read(string.Join("\r\n", ["BEGIN:VCARD", .. lines, "END:VCARD", ""])).Cards).Photo;

    [Fact]
    public void A_vcard_2_1_photo_on_unindented_base64_lines_is_decoded() =>
        Assert.Equal(Bytes, PhotoOf("VERSION:2.1", "N:Old;Olga;;;", "PHOTO;JPEG;ENCODING=BASE64:", Base64[..20], Base64[20..], "")?.Bytes);

    [Fact]
    public void A_vcard_3_0_photo_folded_over_lines_is_decoded() =>
        Assert.Equal(Bytes, PhotoOf("VERSION:3.0", "FN:Tomás", "PHOTO;ENCODING=b;TYPE=JPEG:" + Base64[..30], " " + Base64[30..])?.Bytes);

    [Fact]
    public void A_vcard_4_0_data_uri_photo_is_decoded() =>
        Assert.Equal(Bytes, PhotoOf("VERSION:4.0", "FN:Fern", "PHOTO:data:image/png;base64," + Base64)?.Bytes);

    [Fact]
    public void A_photo_larger_than_the_limit_is_measured_not_decoded()
    {
        var photo = PhotoOf("VERSION:4.0", "FN:Lars", "PHOTO:data:image/jpeg;base64," + Convert.ToBase64String(new byte[VCardPhoto.MaxBytes + 3]));
        Assert.True(photo!.IsTooLarge);
        Assert.Equal(VCardPhoto.MaxBytes + 3, photo.Size);
    }

    [Fact]
    public void A_photo_given_by_address_is_not_a_photo_to_keep() =>
        Assert.Null(PhotoOf("VERSION:4.0", "FN:Ulla", "PHOTO;MEDIATYPE=image/jpeg:https://example.com/ulla.jpg"));
}

using System.Buffers.Binary;
using System.Text;
using static Rapport.UnitTests.Formats.LinkedIn.ConnectionsTestFiles;

namespace Rapport.UnitTests.Formats.LinkedIn;

public class ConnectionsZipTests
{
    private const string NoConnections =
        "The ZIP holds no Connections.csv. Upload the ZIP LinkedIn sent you, or Connections.csv from inside it.";
    private const string Damaged = "The ZIP file is damaged and cannot be opened. Download it from LinkedIn again.";
    private const string TooLarge = "Connections.csv in the ZIP is larger than 25 MB once unpacked.";

    private static readonly byte[] CsvBytes = Encoding.UTF8.GetBytes(Preamble + WithHeader("Ada,Lovelace,,,Acme,Eng,07 Dec 2025"));

    [Theory]
    [InlineData("Complete_LinkedInDataExport_09-23-2026.zip", "Connections.csv")]
    [InlineData("Basic_LinkedInDataExport_09-23-2026.zip", "Basic_LinkedInDataExport_09-23-2026/connections.CSV")]
    [InlineData("export.zip", "nested\\folder\\Connections.csv")]
    public void The_linkedin_zip_is_read_from_its_connections_entry(string zipName, string entryName)
    {
        var zip = Zip(("Profile.csv", Encoding.UTF8.GetBytes("First Name,Last Name\r\nMe,Myself\r\n")),
            (entryName, CsvBytes), ("Messages.csv", Encoding.UTF8.GetBytes("x")));

        var ada = Assert.Single(AssertOk(Read(zip, zipName)).Connections);
        Assert.Equal(("Ada", 5), (ada.FirstName, ada.Line));
    }

    [Fact]
    public void A_zip_uploaded_under_a_csv_name_is_recognised_by_its_signature() =>
        Assert.Single(AssertOk(Read(Zip(("Connections.csv", CsvBytes)), "Connections.csv")).Connections);

    [Fact]
    public void A_zip_without_connections_csv_is_refused() =>
        Assert.Equal(NoConnections, Read(Zip(("Profile.csv", CsvBytes), ("Connections.csv.bak", CsvBytes)), "x.zip").FileError);

    [Fact]
    public void A_file_named_zip_that_is_not_a_zip_is_damaged() =>
        Assert.Equal(Damaged, Read(CsvBytes, "Complete_LinkedInDataExport.zip").FileError);

    [Fact]
    public void A_truncated_zip_is_damaged()
    {
        var zip = Zip(("Connections.csv", CsvBytes));
        Assert.Equal(Damaged, Read(zip[..(zip.Length / 2)], "export.zip").FileError);
    }

    [Fact]
    public void An_entry_that_unpacks_past_25_mb_is_refused()
    {
        var zip = Zip(("Connections.csv", new byte[30 * 1024 * 1024]));
        Assert.True(zip.Length < 1024 * 1024); // a real bomb: tiny upload, huge content

        Assert.Equal(TooLarge, Read(zip, "export.zip").FileError);
    }

    [Fact]
    public void An_entry_that_lies_about_its_size_is_never_unpacked_whole()
    {
        var zip = Zip(("Connections.csv", new byte[30 * 1024 * 1024]));
        // Claim 1,000 bytes unpacked in both the local header and the central directory. .NET stops at the
        // claimed size; the reader's own byte count would stop it at 25 MB if it did not.
        BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(22), 1_000);
        BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(CentralDirectory(zip) + 24), 1_000);

        var file = Read(zip, "export.zip");
        Assert.NotNull(file.FileError);
        Assert.Empty(file.Connections);
    }

    [Fact]
    public void An_encrypted_entry_is_refused()
    {
        var zip = Zip(("Connections.csv", CsvBytes));
        zip[6] |= 1; // general-purpose flag bit 0: encrypted
        zip[CentralDirectory(zip) + 8] |= 1;

        Assert.Equal("Connections.csv in the ZIP is password-protected. Unzip it yourself and upload Connections.csv.",
            Read(zip, "export.zip").FileError);
    }

    private static int CentralDirectory(byte[] zip) => zip.AsSpan().IndexOf("PK\x01\x02"u8);
}

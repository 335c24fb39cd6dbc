using System.IO.Compression;
using System.Text;
using Rapport.Formats.LinkedIn;

namespace Rapport.UnitTests.Formats.LinkedIn;

/// <summary>Builds Connections.csv files and LinkedIn ZIPs in memory for the tests.</summary>
internal static class ConnectionsTestFiles
{
    public const string Header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On";

    // Lines 1-3 of a current export; the header is on line 4.
    public const string Preamble =
        "Notes:\r\n"
        + "\"When exporting your connection data, you may notice that some of the email addresses are missing. "
        + "You will only see email addresses for connections who have allowed their connections to see or download "
        + "their email address using this setting https://www.linkedin.com/mypreferences/d/download-my-data. "
        + "You can learn more here https://www.linkedin.com/help/linkedin/answer/261\"\r\n"
        + "\r\n";

    public static ConnectionsFile Read(string text, string fileName = "Connections.csv") =>
        Read(Encoding.UTF8.GetBytes(text), fileName);

    public static ConnectionsFile Read(byte[] bytes, string fileName = "Connections.csv")
    {
        using var stream = new MemoryStream(bytes);
        return ConnectionsCsv.Read(stream, fileName);
    }

    /// <summary>A header and rows joined with CRLF.</summary>
    public static string WithHeader(params string[] rows) => string.Join("\r\n", [Header, .. rows]) + "\r\n";

    public static string Row(int i) =>
        $"First{i},Last{i},https://www.linkedin.com/in/person-{i},,Company {i},Engineer,07 Dec 2025";

    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
                entry.Write(content);
            }
        }
        return buffer.ToArray();
    }

    public static ConnectionsFile AssertOk(ConnectionsFile file)
    {
        Assert.Null(file.FileError);
        return file;
    }
}

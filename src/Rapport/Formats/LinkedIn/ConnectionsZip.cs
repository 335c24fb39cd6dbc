using System.IO.Compression;

namespace Rapport.Formats.LinkedIn;

/// <summary>Finds Connections.csv inside the ZIP LinkedIn mails, in memory only.</summary>
internal static class ConnectionsZip
{
    public const string NoConnections =
        "The ZIP holds no Connections.csv. Upload the ZIP LinkedIn sent you, or Connections.csv from inside it.";
    public const string Damaged = "The ZIP file is damaged and cannot be opened. Download it from LinkedIn again.";
    public const string Encrypted =
        "Connections.csv in the ZIP is password-protected. Unzip it yourself and upload Connections.csv.";
    public const string TooLarge = "Connections.csv in the ZIP is larger than 25 MB once unpacked.";

    /// <summary>Returns the entry's bytes, or null with an error for the user.</summary>
    public static byte[]? ReadConnections(byte[] zip, out string? error)
    {
        error = null;
        try
        {
            using var archive = new ZipArchive(new MemoryStream(zip, writable: false), ZipArchiveMode.Read);
            var entry = archive.Entries.FirstOrDefault(IsConnectionsCsv);
            if (entry is null) return Fail(NoConnections, out error);
            if (entry.IsEncrypted) return Fail(Encrypted, out error);
            // The declared size is a hint only; the capped read below is what stops a zip bomb.
            if (entry.Length > ConnectionsCsv.MaxBytes) return Fail(TooLarge, out error);
            using var content = entry.Open();
            var bytes = ConnectionsCsv.ReadCapped(content, ConnectionsCsv.MaxBytes);
            return bytes ?? Fail(TooLarge, out error);
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException)
        {
            return Fail(Damaged, out error);
        }
    }

    private static bool IsConnectionsCsv(ZipArchiveEntry entry)
    {
        // Any folder; some ZIP tools write '\' as the separator.
        var name = entry.FullName;
        var slash = name.LastIndexOfAny(['/', '\\']);
        return string.Equals(name[(slash + 1)..], "Connections.csv", StringComparison.OrdinalIgnoreCase);
    }

    private static byte[]? Fail(string message, out string? error)
    {
        error = message;
        return null;
    }
}

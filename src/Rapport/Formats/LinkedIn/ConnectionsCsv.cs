namespace Rapport.Formats.LinkedIn;

/// <summary>Reads LinkedIn's Connections.csv, or the ZIP export that holds it, from an upload.</summary>
public static class ConnectionsCsv
{
    public const long MaxBytes = 25 * 1024 * 1024;
    public const int MaxRows = 60_000;
    public const string TooLarge = "The file is larger than 25 MB.";
    public const string Empty = "The file is empty.";

    public static ConnectionsFile Read(Stream stream, string fileName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var bytes = ReadCapped(stream, MaxBytes);
        if (bytes is null) return ConnectionsFile.Failed(TooLarge);
        if (bytes.Length == 0) return ConnectionsFile.Failed(Empty);

        if (IsZip(bytes, fileName))
        {
            bytes = ConnectionsZip.ReadConnections(bytes, out var zipError);
            if (bytes is null) return ConnectionsFile.Failed(zipError!);
        }
        var text = CsvTextDecoder.Decode(bytes, out var decodeError);
        if (text is null) return ConnectionsFile.Failed(decodeError!);
        if (text.Length == 0) return ConnectionsFile.Failed(Empty);
        return ConnectionsParser.Parse(text);
    }

    private static bool IsZip(byte[] bytes, string? fileName) =>
        (fileName?.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) ?? false)
        || bytes.AsSpan().StartsWith("PK\x03\x04"u8);

    /// <summary>Reads the stream whole, or returns null as soon as it passes <paramref name="max"/> bytes
    /// (before reading anything when a seekable stream says it is longer).</summary>
    internal static byte[]? ReadCapped(Stream stream, long max)
    {
        if (stream.CanSeek && stream.Length - stream.Position > max) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > max) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}

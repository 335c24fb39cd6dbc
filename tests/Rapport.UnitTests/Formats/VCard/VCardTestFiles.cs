using System.Text;

namespace Rapport.UnitTests.Formats.VCard;

// Inside the namespace: its last segment is also the name of the class VCard, and a using at the top of
// the file would lose the lookup to the namespace.
using Rapport.Formats.VCard;

/// <summary>Shortcuts for the reader tests: files as text with "\n" line ends, or as raw bytes.</summary>
internal static class VCardTestFiles
{
    public static VCardReadResult ReadBytes(byte[] bytes) => VCardReader.Read(new MemoryStream(bytes));

    /// <summary>Reads text written with "\n" line ends as the CRLF file a phone would send.</summary>
    public static VCardReadResult ReadCrlf(string text) => VCardReader.Read(text.Replace("\n", "\r\n", StringComparison.Ordinal));

    /// <summary>Reads and asserts that nothing went wrong.</summary>
    public static IReadOnlyList<VCard> ReadClean(string text)
    {
        var result = ReadCrlf(text);
        Assert.Null(result.FileError);
        Assert.Empty(result.Problems);
        return result.Cards;
    }

    public static VCard Single(string text) => Assert.Single(ReadClean(text));

    public static byte[] Bytes(params object[] parts)
    {
        var bytes = new List<byte>();
        foreach (var part in parts)
        {
            if (part is string text) bytes.AddRange(Encoding.UTF8.GetBytes(text));
            else if (part is byte[] raw) bytes.AddRange(raw);
            else throw new ArgumentException("Parts are strings or byte arrays.", nameof(parts));
        }
        return [.. bytes];
    }
}

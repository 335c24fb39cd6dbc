using System.Buffers.Binary;
using System.Text;

namespace Rapport.Formats.ICalendar;

/// <summary>The tz database's abbreviations ("CET", "EDT", "+0545") for a zone's offsets, read from its
/// TZif file (RFC 8536), because <see cref="TimeZoneInfo"/> exposes only long localised names.</summary>
/// <remarks>Best effort: with no readable file (Windows, a missing tzdata package) the result is empty and
/// the caller writes the offset instead.</remarks>
internal static class ZoneAbbreviations
{
    private const int HeaderSize = 44;
    private const int MaxFileSize = 1 << 20;

    /// <param name="ianaId">A checked id: letters, digits and "/_-+" only, so it cannot leave the directory.</param>
    public static Dictionary<(int OffsetSeconds, bool IsDaylight), string> Read(string ianaId)
    {
        try
        {
            var directory = Environment.GetEnvironmentVariable("TZDIR") is { Length: > 0 } tzdir ? tzdir : "/usr/share/zoneinfo";
            var file = new FileInfo(Path.Combine(directory, ianaId));
            if (!file.Exists || file.Length > MaxFileSize) return [];
            return Parse(File.ReadAllBytes(file.FullName));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return [];
        }
    }

    /// <summary>Maps each (offset, daylight) pair to the abbreviation of the latest transition that used it,
    /// so a name the zone used decades ago ("EWT") does not win over today's ("EDT").</summary>
    internal static Dictionary<(int OffsetSeconds, bool IsDaylight), string> Parse(ReadOnlySpan<byte> data)
    {
        var names = new Dictionary<(int, bool), string>();
        if (data.Length < HeaderSize || !data[..4].SequenceEqual("TZif"u8)) return names;
        var block = data[HeaderSize..];
        var timeSize = 4;
        if (data[4] >= (byte)'2')
        {
            // Version 2+: skip the 32-bit block; the second header and 64-bit block follow it.
            var skip = BlockLength(data, 4);
            if (skip < 0 || block.Length < skip + HeaderSize) return names;
            data = block[skip..];
            block = data[HeaderSize..];
            timeSize = 8;
        }
        var timeCount = Count(data, 32);
        var typeCount = Count(data, 36);
        var charCount = Count(data, 40);
        var typesAt = timeCount * (timeSize + 1);
        var charsAt = typesAt + typeCount * 6;
        if (timeCount < 0 || typeCount < 0 || charCount < 0 || block.Length < charsAt + charCount) return names;
        var types = block.Slice(typesAt, typeCount * 6);
        var chars = block.Slice(charsAt, charCount);
        // Types no transition uses (a zone that never changed has only type 0), then every transition in order.
        for (var type = 0; type < typeCount; type++) Use(names, types, chars, type);
        for (var t = 0; t < timeCount; t++) Use(names, types, chars, block[timeCount * timeSize + t]);
        return names;
    }

    private static void Use(
        Dictionary<(int OffsetSeconds, bool IsDaylight), string> names, ReadOnlySpan<byte> types, ReadOnlySpan<byte> chars, int type)
    {
        if (type * 6 >= types.Length) return;
        var info = types.Slice(type * 6, 6);
        var index = info[5];
        if (index >= chars.Length) return;
        var end = chars[index..].IndexOf((byte)0);
        if (end <= 0) return;
        names[(BinaryPrimitives.ReadInt32BigEndian(info), info[4] != 0)] = Encoding.ASCII.GetString(chars.Slice(index, end));
    }

    private static int Count(ReadOnlySpan<byte> header, int at)
    {
        var value = BinaryPrimitives.ReadUInt32BigEndian(header[at..]);
        return value > MaxFileSize ? -1 : (int)value;
    }

    /// <summary>The size of the data block after a header whose times are <paramref name="timeSize"/> bytes.</summary>
    private static int BlockLength(ReadOnlySpan<byte> header, int timeSize)
    {
        int isUtc = Count(header, 20), isStd = Count(header, 24), leaps = Count(header, 28);
        int times = Count(header, 32), types = Count(header, 36), chars = Count(header, 40);
        if (isUtc < 0 || isStd < 0 || leaps < 0 || times < 0 || types < 0 || chars < 0) return -1;
        return times * (timeSize + 1) + types * 6 + chars + leaps * (timeSize + 4) + isStd + isUtc;
    }
}

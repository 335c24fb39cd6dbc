using System.Globalization;
using Rapport.Domain;
using Rapport.Features.Shared;

namespace Rapport.Features.Conversations;

/// <summary>The value of a move button in a board card's menu: the card's id, the version and fingerprint the board
/// showed it at, and the stage to move it to, as <c>id:version:fingerprint:Stage</c>.</summary>
public static class MenuMove
{
    public static string Write(int id, int version, string fingerprint, ConversationStage to) =>
        string.Create(CultureInfo.InvariantCulture, $"{id}:{version}:{fingerprint}:{to}");

    /// <summary>The parts of <paramref name="value"/>; null when it is not one a menu writes.</summary>
    public static (int Id, string To, OpenedAt Opened)? Read(string value)
    {
        var parts = value.Split(':');
        return parts.Length == 4 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? (id, parts[3], new OpenedAt { Version = version, Fields = parts[2] })
            : null;
    }
}

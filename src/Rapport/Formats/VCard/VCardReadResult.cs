namespace Rapport.Formats.VCard;

/// <summary>Something wrong with one card (or one stray line); the message names the line and reads on its own.</summary>
public sealed record VCardProblem(int Line, string Message);

/// <summary>What a read found. <paramref name="FileError"/> set means the whole file is unusable and
/// <paramref name="Cards"/> is empty. Otherwise a broken card is reported in <paramref name="Problems"/> and
/// left out of <paramref name="Cards"/>; whether to import the rest is the caller's decision.</summary>
public sealed record VCardReadResult(IReadOnlyList<VCard> Cards, IReadOnlyList<VCardProblem> Problems, string? FileError)
{
    internal static VCardReadResult Unusable(string error) => new([], [], error);
}

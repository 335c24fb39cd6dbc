namespace Rapport.Domain;

public sealed record DuplicatePair(int FirstId, int SecondId, string Reason);

namespace Rapport.Domain;

public enum OutcomeKind
{
    TookRole = 1,
    FurtherStudy = 2,
    Paused = 3,
    Other = 4,
}

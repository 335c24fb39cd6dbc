namespace Rapport.Domain;

public enum CareerFieldStatus
{
    Exploring = 1,
    Pursuing = 2,
    RuledOut = 3,
}

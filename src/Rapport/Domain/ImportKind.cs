namespace Rapport.Domain;

public enum ImportKind
{
    LinkedIn = 1,
    VCard = 2,
}

namespace Rapport.Domain;

public enum OrganizationStatus
{
    Undecided = 0,
    Target = 1,
    OnHold = 2,
    RuledOut = 3,
}

namespace Rapport.Domain;

/// <summary>The themes the question bank is grouped by.</summary>
public enum QuestionTheme
{
    DayToDay = 1,
    PathAndBackground = 2,
    SkillsAndCredentials = 3,
    TheOrganization = 4,
    TheFieldAhead = 5,
    AdviceForMe = 6,
    PeopleToMeet = 7,
    BalanceAndCulture = 8,
}

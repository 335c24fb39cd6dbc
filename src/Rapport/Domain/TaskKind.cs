namespace Rapport.Domain;

/// <summary>Why a follow-up task exists; each rule makes at most one task per thing it is about.</summary>
public enum TaskKind
{
    ThankYou = 1,
    NudgeSecondPerson = 2,
    FollowUpNoReply = 3,
    Promise = 4,
    ContactReferral = 5,
    TellReferrer = 6,
    KeepInTouch = 7,
    CloseTheLoop = 8,
    Own = 9,
    NextStep = 10,
}

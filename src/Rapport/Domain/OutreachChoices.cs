namespace Rapport.Domain;

/// <summary>How a message reaches the contact.</summary>
public enum Channel
{
    Email = 1,
    LinkedIn = 2,
    Phone = 3,
    Voicemail = 4,
    Introduction = 5,
    Card = 6,
    Other = 7,
}

/// <summary>What a message template is for.</summary>
public enum TemplatePurpose
{
    Request = 1,
    IntroductionRequest = 2,
    FollowUp = 3,
    ThankYou = 4,
    CoverNote = 5,
    KeepInTouch = 6,
    CloseTheLoop = 7,
}

/// <summary>What came back after a request.</summary>
public enum ReplyKind
{
    Accepted = 1,
    Declined = 2,
    NoReply = 3,
}

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
}

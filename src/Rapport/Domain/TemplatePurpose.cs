namespace Rapport.Domain;

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

namespace Rapport.Domain;

/// <summary>What a person can want from one conversation (the catalog; they may also write their own).</summary>
[Flags]
public enum ConversationGoal
{
    None = 0,
    DecideFit = 1,
    LearnTheWayIn = 2,
    GrowLocalNetwork = 4,
    FindLocalEmployers = 8,
    SizeUpEmployer = 16,
    JobSearchIdeas = 32,
    PractiseIntroduction = 64,
}

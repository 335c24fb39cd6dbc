namespace Rapport.Domain;

/// <summary>Where one informational interview stands. The main line runs Idea to Closed; Declined,
/// NoReply and Cancelled are the side exits.</summary>
public enum ConversationStage
{
    Idea = 1,
    Requested = 2,
    Scheduled = 3,
    Held = 4,
    Thanked = 5,
    Closed = 6,
    Declined = 7,
    NoReply = 8,
    Cancelled = 9,
}

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

/// <summary>The parts of a conversation, in the order coaches recommend asking them.</summary>
public enum ConversationPart
{
    Trends = 1,
    Insights = 2,
    Advice = 3,
    Resources = 4,
    NextSteps = 5,
}

public enum MeetingMode
{
    InPerson = 1,
    Phone = 2,
    Video = 3,
    Email = 4,
}

/// <summary>Whether the person may say who referred them when they contact a referral.</summary>
public enum NameUse
{
    NotAsked = 0,
    Yes = 1,
    No = 2,
}

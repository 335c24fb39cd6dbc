namespace Rapport.Domain;

/// <summary>The words the person sees for each choice: one place, one pattern (<c>Labels.Of(value)</c>),
/// for pages, exports and the messages of the rules alike.</summary>
public static class Labels
{
    public static string Of(ContactSource source) => source switch
    {
        ContactSource.Family => "Family",
        ContactSource.Friend => "Friend",
        ContactSource.Classmate => "Classmate",
        ContactSource.Professor => "Professor",
        ContactSource.CoWorker => "Co-worker or former employer",
        ContactSource.Alumni => "Alumni",
        ContactSource.LinkedIn => "LinkedIn",
        ContactSource.Association => "Professional association",
        ContactSource.Referral => "Referral",
        ContactSource.Cold => "Cold contact",
        _ => source.ToString(),
    };

    public static string Of(Priority priority) => priority switch
    {
        Priority.High => "High",
        Priority.Low => "Low",
        _ => "Normal",
    };

    public static string Of(CareerFieldStatus status) => status switch
    {
        CareerFieldStatus.Exploring => "Exploring",
        CareerFieldStatus.Pursuing => "Pursuing",
        CareerFieldStatus.RuledOut => "Ruled out",
        _ => status.ToString(),
    };

    public static string Of(OrganizationStatus status) => status switch
    {
        OrganizationStatus.Target => "Target",
        OrganizationStatus.OnHold => "On hold",
        OrganizationStatus.RuledOut => "Ruled out",
        _ => "Not decided",
    };

    public static string Of(WarmTie tie) => tie switch
    {
        WarmTie.HeldConversation => "You talked",
        WarmTie.Replied => "Replied to you",
        _ => "A connection",
    };

    public static string Of(ConversationStage stage) => stage switch
    {
        ConversationStage.Idea => "Idea",
        ConversationStage.Requested => "Requested",
        ConversationStage.Scheduled => "Scheduled",
        ConversationStage.Held => "Held",
        ConversationStage.Thanked => "Thanked",
        ConversationStage.Closed => "Closed",
        ConversationStage.Declined => "Declined",
        ConversationStage.NoReply => "No reply",
        ConversationStage.Cancelled => "Cancelled",
        _ => stage.ToString(),
    };

    public static string Of(QuestionTheme theme) => theme switch
    {
        QuestionTheme.DayToDay => "The work day to day",
        QuestionTheme.PathAndBackground => "Their path and background",
        QuestionTheme.SkillsAndCredentials => "Skills, education and credentials",
        QuestionTheme.TheOrganization => "The organization",
        QuestionTheme.TheFieldAhead => "The field and where it is going",
        QuestionTheme.AdviceForMe => "Advice for me",
        QuestionTheme.PeopleToMeet => "Other people to meet",
        QuestionTheme.BalanceAndCulture => "Balance and culture",
        _ => theme.ToString(),
    };

    public static string Of(Theme theme) => theme switch
    {
        Theme.Light => "Light",
        Theme.Dark => "Dark",
        _ => "As my device",
    };

    public static string Of(DateOrder order) => order switch
    {
        DateOrder.DayMonthYear => "Day month year",
        DateOrder.MonthDayYear => "Month day, year",
        DateOrder.YearMonthDay => "Year-month-day",
        _ => order.ToString(),
    };

    public static string Of(ConversationPart part) => part switch
    {
        ConversationPart.Trends => "Trends",
        ConversationPart.Insights => "Insights",
        ConversationPart.Advice => "Advice",
        ConversationPart.Resources => "Resources",
        ConversationPart.NextSteps => "Next steps",
        _ => part.ToString(),
    };

    /// <summary>Single flags get their catalog words; a combination lists each of them, in catalog order.</summary>
    public static string Of(ConversationGoal goal) => goal switch
    {
        ConversationGoal.None => "No goal chosen",
        ConversationGoal.DecideFit => "Decide whether this field fits me",
        ConversationGoal.LearnTheWayIn => "Learn how people get in: education, credentials, experience",
        ConversationGoal.GrowLocalNetwork => "Grow my local network",
        ConversationGoal.FindLocalEmployers => "Find local employers",
        ConversationGoal.SizeUpEmployer => "Size up one employer",
        ConversationGoal.JobSearchIdeas => "Get ideas for my job search",
        ConversationGoal.PractiseIntroduction => "Practise talking about myself",
        _ => string.Join("; ", QuestionBank.Goals.Where(g => goal.HasFlag(g)).Select(g => Of(g))),
    };

    public static string Of(OutcomeKind kind) => kind switch
    {
        OutcomeKind.TookRole => "I took a role",
        OutcomeKind.FurtherStudy => "I chose further study",
        OutcomeKind.Paused => "I paused my search",
        _ => "Something else",
    };

    public static string Of(Channel channel) => channel switch
    {
        Channel.Email => "Email",
        Channel.LinkedIn => "LinkedIn message",
        Channel.Phone => "Phone call",
        Channel.Voicemail => "Voicemail",
        Channel.Introduction => "Through a mutual contact",
        Channel.Card => "Handwritten card",
        _ => "Other",
    };

    public static string Of(TemplatePurpose purpose) => purpose switch
    {
        TemplatePurpose.Request => "Request for a conversation",
        TemplatePurpose.IntroductionRequest => "Asking for an introduction",
        TemplatePurpose.FollowUp => "Follow-up when there is no reply",
        TemplatePurpose.ThankYou => "Thank-you",
        TemplatePurpose.CoverNote => "Cover note for promised material",
        TemplatePurpose.KeepInTouch => "Keeping in touch",
        TemplatePurpose.CloseTheLoop => "Closing the loop",
        _ => "Other",
    };

    public static string Of(ReplyKind kind) => kind switch
    {
        ReplyKind.Accepted => "They said yes",
        ReplyKind.Declined => "They declined",
        _ => "No reply",
    };

    public static string Of(InteractionKind kind) => kind switch
    {
        InteractionKind.PhoneCall => "Phone call",
        InteractionKind.VideoCall => "Video call",
        InteractionKind.MetInPerson => "Met in person",
        InteractionKind.Email => "Email",
        InteractionKind.Message => "Message",
        _ => "In touch",
    };

    public static string Of(MeetingMode mode) => mode switch
    {
        MeetingMode.InPerson => "In person",
        MeetingMode.Phone => "Phone",
        MeetingMode.Video => "Video call",
        MeetingMode.Email => "By email",
        _ => mode.ToString(),
    };
}

using static Rapport.Domain.ConversationGoal;
using static Rapport.Domain.ConversationPart;
using static Rapport.Domain.QuestionTheme;

namespace Rapport.Domain;

public static partial class QuestionBank
{
    // Saved conversations refer to these keys: never rename a key or reuse one for a different question.
    // Questions about the contact's employer say "your organization", and only they do.
    public static IReadOnlyList<BankQuestion> BuiltIn { get; } = Array.AsReadOnly<BankQuestion>(
    [
        Ask("day-typical-week", DayToDay, Insights, DecideFit, "What does a typical week look like for you?"),
        Ask("day-unexpected-time", DayToDay, Insights, DecideFit, "What takes up more of your working time than an outsider would guess?"),
        Ask("day-most-rewarding", DayToDay, Insights, DecideFit, "Which part of your work do you find most rewarding?"),
        Ask("day-hardest-part", DayToDay, Insights, DecideFit, "What is the hardest part of the job, and how do you deal with it?"),
        Ask("day-work-with", DayToDay, Insights, DecideFit | GrowLocalNetwork, "Who do you work with most closely, and in which roles?"),
        Ask("day-first-surprise", DayToDay, Insights, DecideFit, "What surprised you most when you first started doing this work?"),
        Ask("day-good-and-bad", DayToDay, Insights, DecideFit, "What makes a day go well for you, and what makes one go badly?"),

        Ask("path-how-started", PathAndBackground, Insights, LearnTheWayIn | DecideFit, "How did you get started in this field?"),
        Ask("path-useful-past", PathAndBackground, Insights, LearnTheWayIn, "Which of your earlier jobs or studies turned out to be most useful in this work?"),
        Ask("path-why-this-employer", PathAndBackground, Insights, SizeUpEmployer, "What drew you to your organization, and what made you decide to join?", org: true),
        Ask("path-do-differently", PathAndBackground, Advice, LearnTheWayIn | DecideFit, "Knowing what you know now, what would you do differently if you were starting out?"),
        Ask("path-common-routes", PathAndBackground, Insights, LearnTheWayIn, "Do most people in this field come in by one common route, or do their paths vary a lot?"),
        Ask("path-where-next", PathAndBackground, Insights, DecideFit | LearnTheWayIn, "Where do people in a role like yours usually go next?"),
        Ask("path-changing-fields", PathAndBackground, Insights, LearnTheWayIn | JobSearchIdeas, "How do people coming from another line of work usually make the move into this one?"),

        Ask("skills-education", SkillsAndCredentials, Insights, LearnTheWayIn, "What education do most people in this field have, and how much does it matter?"),
        Ask("skills-credentials", SkillsAndCredentials, Insights, LearnTheWayIn, "Which licences, certifications or formal training does this work require?"),
        Ask("skills-learned-on-job", SkillsAndCredentials, Insights, LearnTheWayIn | DecideFit, "Which skills do you rely on most that you had to learn on the job?"),
        Ask("skills-hiring-looks-for", SkillsAndCredentials, Insights, LearnTheWayIn | SizeUpEmployer | JobSearchIdeas, "When your organization hires for roles like yours, which skills and qualities count most?", org: true),
        Ask("skills-stand-out", SkillsAndCredentials, Advice, LearnTheWayIn | JobSearchIdeas, "What kind of experience would help someone like me stand out when applying in this field?"),
        Ask("skills-stay-current", SkillsAndCredentials, Resources, LearnTheWayIn, "How do people in this field keep their skills up to date?"),
        Ask("skills-development-offered", SkillsAndCredentials, Insights, SizeUpEmployer, "What professional development does your organization offer its staff?", org: true),
        Ask("skills-my-strengths", SkillsAndCredentials, Advice, PractiseIntroduction | LearnTheWayIn, "From what I have told you about my background, which of my skills would carry over, and what is missing?"),

        Ask("org-what-it-does", TheOrganization, Insights, SizeUpEmployer | FindLocalEmployers, "How would you describe what your organization does, and for whom?", org: true),
        Ask("org-clients", TheOrganization, Insights, SizeUpEmployer, "Who are the main clients or people your organization serves?", org: true),
        Ask("org-competitors", TheOrganization, Trends, SizeUpEmployer | FindLocalEmployers, "Who are your organization's main competitors, and what sets it apart from them?", org: true),
        Ask("org-strengths", TheOrganization, Insights, SizeUpEmployer, "What do you think your organization does especially well?", org: true),
        Ask("org-plans-ahead", TheOrganization, Trends, SizeUpEmployer, "Where is your organization heading over the next few years?", org: true),
        Ask("org-current-challenges", TheOrganization, Trends, SizeUpEmployer, "What challenges is your organization facing at the moment?", org: true),
        Ask("org-how-hiring-works", TheOrganization, Insights, SizeUpEmployer | JobSearchIdeas, "How does your organization usually find new people: postings, referrals, internships, or something else?", org: true),

        Ask("field-big-changes", TheFieldAhead, Trends, DecideFit | JobSearchIdeas, "What are the biggest changes happening in this field right now?"),
        Ask("field-five-years", TheFieldAhead, Trends, DecideFit | LearnTheWayIn, "How do you expect jobs in this field to change over the next five years?"),
        Ask("field-hot-topics", TheFieldAhead, Trends, DecideFit | PractiseIntroduction, "Which issues are people in the field debating these days?"),
        Ask("field-local-market", TheFieldAhead, Trends, JobSearchIdeas | FindLocalEmployers, "What is the job market like for this kind of work in this area?"),
        Ask("field-local-employers", TheFieldAhead, Resources, FindLocalEmployers | JobSearchIdeas, "Which employers around here hire people who do your kind of work?"),
        Ask("field-growing-shrinking", TheFieldAhead, Trends, DecideFit | JobSearchIdeas, "Which parts of the field are growing, and which are shrinking?"),
        Ask("field-technology", TheFieldAhead, Trends, DecideFit | LearnTheWayIn, "How is technology changing the way this work gets done?"),

        Ask("advice-in-my-place", AdviceForMe, Advice, JobSearchIdeas | LearnTheWayIn, "If you were in my position, what would you do next?"),
        Ask("advice-newcomers", AdviceForMe, Advice, LearnTheWayIn | DecideFit, "What advice would you give someone just entering this field?"),
        Ask("advice-wish-known", AdviceForMe, Advice, DecideFit, "What do you wish someone had told you before you started?"),
        Ask("advice-my-introduction", AdviceForMe, Advice, PractiseIntroduction, "May I give you my short introduction and hear how it comes across?"),
        Ask("advice-describe-myself", AdviceForMe, Advice, PractiseIntroduction | JobSearchIdeas, "How would you suggest I describe my background to people in this field?"),
        Ask("advice-resume", AdviceForMe, Advice, PractiseIntroduction | JobSearchIdeas, "Would you be willing to glance at my resume and tell me what stands out or seems missing?"),
        Ask("advice-search-approach", AdviceForMe, Advice, JobSearchIdeas, "Which ways of looking for work pay off in this field, and which rarely do?"),
        Ask("advice-who-thrives", AdviceForMe, Insights, DecideFit, "What kind of person tends to thrive in this work, and who tends to struggle?"),
        Ask("advice-common-mistakes", AdviceForMe, Advice, LearnTheWayIn | JobSearchIdeas, "What mistakes do newcomers to this field often make?"),
        Ask("advice-what-to-read", AdviceForMe, Resources, LearnTheWayIn | DecideFit, "Which publications, websites or newsletters would you recommend I follow?"),

        // Tagged broadly: more people means more views on every goal, so this ranks first among referral asks.
        Ask("people-two-more", PeopleToMeet, NextSteps, GrowLocalNetwork | DecideFit | LearnTheWayIn | FindLocalEmployers | JobSearchIdeas, "Could you suggest two or three other people I could talk with, and may I mention your name when I contact them?"),
        Ask("people-other-views", PeopleToMeet, NextSteps, GrowLocalNetwork | DecideFit, "Who could show me a different side of this field, perhaps in another kind of role or employer?"),
        Ask("people-introduce-me", PeopleToMeet, NextSteps, GrowLocalNetwork, "Is there anyone you would feel comfortable introducing me to?"),
        Ask("people-associations", PeopleToMeet, Resources, GrowLocalNetwork | LearnTheWayIn, "Which professional associations or groups would be worth joining?"),
        Ask("people-local-events", PeopleToMeet, Resources, GrowLocalNetwork | FindLocalEmployers, "Are there events, meetups or conferences nearby where I could meet people in this field?"),
        Ask("people-new-in-town", PeopleToMeet, Resources, GrowLocalNetwork | FindLocalEmployers, "Where do people who are new to this area go to meet others in the field?"),
        // Deliberately not tagged GrowLocalNetwork: tailoring treats next-step network questions as the referral ask.
        Ask("people-contact-again", PeopleToMeet, NextSteps, DecideFit | JobSearchIdeas, "Would it be all right if I got in touch again when more questions come up?"),

        Ask("culture-balance", BalanceAndCulture, Insights, DecideFit, "How well can people in this field balance work with the rest of their lives?"),
        Ask("culture-balance-cost", BalanceAndCulture, Insights, DecideFit, "When people in this field protect time for family or rest, how does that affect their careers?"),
        Ask("culture-at-employer", BalanceAndCulture, Insights, SizeUpEmployer, "How would you describe the culture in your organization?", org: true),
        Ask("culture-what-is-valued", BalanceAndCulture, Insights, SizeUpEmployer | JobSearchIdeas, "What kind of work gets noticed and rewarded in your organization?", org: true),
        Ask("culture-pressure", BalanceAndCulture, Insights, DecideFit, "When does the pressure peak in this work, and what does it look like?"),
        Ask("culture-flexibility", BalanceAndCulture, Trends, DecideFit | JobSearchIdeas, "How common are remote work, part-time hours or flexible schedules in this field?"),
        Ask("culture-new-starters", BalanceAndCulture, Insights, SizeUpEmployer, "How does your organization help new people settle in?", org: true),
        Ask("culture-where-i-fit", BalanceAndCulture, Advice, PractiseIntroduction | DecideFit, "From what you have heard about me, where do you think I would fit well, and where might I struggle?"),
    ]);

    private static BankQuestion Ask(string key, QuestionTheme theme, ConversationPart part, ConversationGoal goals, string text, bool org = false) =>
        new(key, text, theme, part, goals, org);
}

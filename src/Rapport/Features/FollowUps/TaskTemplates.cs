using Rapport.Domain;

namespace Rapport.Features.FollowUps;

/// <summary>Which built-in template a task's "Write it" opens with, and for which conversation.</summary>
public static class TaskTemplates
{
    public static string? For(TaskKind kind)
    {
        // Writing to a referred person is a request that names who sent them.
        if (kind == TaskKind.ContactReferral) return "built-in:request-referral-email";
        var purpose = kind switch
        {
            TaskKind.ThankYou => TemplatePurpose.ThankYou,
            TaskKind.FollowUpNoReply => TemplatePurpose.FollowUp,
            TaskKind.KeepInTouch or TaskKind.TellReferrer => TemplatePurpose.KeepInTouch,
            TaskKind.CloseTheLoop => TemplatePurpose.CloseTheLoop,
            TaskKind.Promise => TemplatePurpose.CoverNote,
            _ => (TemplatePurpose?)null,
        };
        var template = purpose is null ? null
            : BuiltInTemplates.All.FirstOrDefault(t => t.Purpose == purpose && t.Channel == Channel.Email) ?? BuiltInTemplates.All.FirstOrDefault(t => t.Purpose == purpose);
        return template is null ? null : "built-in:" + template.Key;
    }

    /// <summary>A referral task belongs to the conversation where the name came up, but the message goes to
    /// the referred person, outside that conversation.</summary>
    public static int? ConversationFor(TaskKind kind, int? conversationId) => kind == TaskKind.ContactReferral ? null : conversationId;
}

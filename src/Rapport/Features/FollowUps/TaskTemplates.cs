using Rapport.Domain;

namespace Rapport.Features.FollowUps;

/// <summary>Which built-in template a task's "Write it" opens with.</summary>
public static class TaskTemplates
{
    public static string? For(TaskKind kind)
    {
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
}

using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;

namespace Rapport.Features.Outreach;

/// <summary>A template the person can pick: a built-in (by key) or their own (by id).</summary>
public sealed record TemplateChoice(string Key, string Name, Channel Channel, TemplatePurpose Purpose, string? Subject, string Body, bool IsOwn);

public static class TemplateChoices
{
    public static async Task<IReadOnlyList<TemplateChoice>> AllAsync(RapportDb db)
    {
        var own = await db.OwnTemplates.AsNoTracking().OrderBy(t => t.Name).ToListAsync();
        return own.Select(t => new TemplateChoice($"own:{t.Id}", t.Name, t.Channel, t.Purpose, t.Subject, t.Body, true))
            .Concat(BuiltInTemplates.All.Select(t => new TemplateChoice($"built-in:{t.Key}", t.Name, t.Channel, t.Purpose, t.Subject, t.Body, false)))
            .ToList();
    }

    /// <summary>The template that fits where the conversation stands: a request before it is agreed
    /// (through the referrer, to a fellow alumnus, or cold), a thank-you once held, keeping in touch after.</summary>
    public static TemplateChoice? Suggest(IReadOnlyList<TemplateChoice> all, MessageContext context)
    {
        var purpose = context.Stage switch
        {
            ConversationStage.Held => TemplatePurpose.ThankYou,
            ConversationStage.Thanked or ConversationStage.Closed => TemplatePurpose.KeepInTouch,
            ConversationStage.NoReply => TemplatePurpose.FollowUp,
            _ => TemplatePurpose.Request,
        };
        var candidates = all.Where(t => t.Purpose == purpose).ToList();
        if (purpose == TemplatePurpose.Request)
        {
            var hint = context.HasReferrer ? "referr" : context.IsAlumni ? "alum" : "cold";
            return candidates.FirstOrDefault(t => t.Channel == Channel.Email && t.Key.Contains(hint, StringComparison.OrdinalIgnoreCase))
                ?? candidates.FirstOrDefault(t => t.Channel == Channel.Email) ?? candidates.FirstOrDefault();
        }
        return candidates.FirstOrDefault(t => t.Channel == Channel.Email) ?? candidates.FirstOrDefault() ?? all.FirstOrDefault();
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.Shared;

namespace Rapport.Features.Conversations;

/// <summary>Right after the meeting: what the person learned, what they still want to know (which can
/// become open questions of the field), next steps, and how well the field fits them now.</summary>
public class ReflectModel(RapportDb db, Web.UserTime time) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    [BindProperty]
    public ReflectionInput Input { get; set; } = new();

    /// <summary>The version the form was opened at (see docs/decisions/011-edit-conflicts.md).</summary>
    [BindProperty]
    public OpenedAt Opened { get; set; } = new();

    public EditState? Edit { get; private set; }

    public string ContactName { get; private set; } = "";
    public IReadOnlyList<Choice> Fields { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var conversation = await LoadAsync(tracked: false);
        if (conversation is null) return NotFound();
        Input = ReflectionInput.From(conversation);
        Edit = EditState.Opening(conversation, Input.Fields());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var conversation = await LoadAsync(tracked: true);
        if (conversation is null) return NotFound();
        var fieldIds = conversation.Fields.Select(f => f.CareerFieldId).ToList();
        if (Input.AddQuestionsTo is int target && !fieldIds.Contains(target))
            ModelState.AddModelError("Input.AddQuestionsTo", "Choose one of this conversation's fields.");
        if (ConversationChecks.FitRating(Input.FitRating) is { } fit) ModelState.AddModelError("Input.FitRating", fit);
        if (!ModelState.IsValid)
        {
            Edit = new EditState(Opened);
            return Page();
        }
        var over = Opened.WritableOver(conversation, ReflectionInput.From(conversation).Fields());
        if (over is null) return Conflict(conversation);

        // A field the person did not change keeps its stored value exactly (FieldEdit); what they typed is trimmed.
        var nextSteps = FieldEdit.Text(conversation.NextSteps, Input.NextSteps, trim: true);
        var steps = ReflectionSteps.Added(conversation.NextSteps, nextSteps);
        conversation.Learned = FieldEdit.Text(conversation.Learned, Input.Learned, trim: true);
        conversation.StillWantToKnow = FieldEdit.Text(conversation.StillWantToKnow, Input.StillWantToKnow, trim: true);
        conversation.NextSteps = nextSteps;
        conversation.FitRating = Input.FitRating;
        conversation.FitNote = FieldEdit.Text(conversation.FitNote, Input.FitNote, trim: true);
        var added = 0;
        if (Input.AddQuestionsTo is int fieldId && conversation.StillWantToKnow is not null)
        {
            // Each line of "still want to know" becomes an open question of the field, once.
            var existing = (await db.OpenQuestions.Where(q => q.CareerFieldId == fieldId).Select(q => q.Text).ToListAsync())
                .Select(Folding.Fold).ToHashSet();
            foreach (var line in conversation.StillWantToKnow.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var text = line.TrimStart('-', '*', '•', ' ');
                if (text.Length == 0 || text.Length > OpenQuestion.TextMaxLength || !existing.Add(Folding.Fold(text))) continue;
                db.OpenQuestions.Add(new OpenQuestion { CareerFieldId = fieldId, Text = text });
                added++;
            }
        }
        // Each new next step is a task about this conversation, due in a week (a step can wait a few days, not a month).
        var stepsDue = TimeZones.ToUtc(DateOnly.FromDateTime(time.ToLocal(time.UtcNow)).AddDays(7).ToDateTime(new TimeOnly(9, 0)), time.Zone);
        foreach (var step in steps)
            db.FollowUpTasks.Add(new FollowUpTask
            {
                Kind = TaskKind.NextStep, ContactId = conversation.ContactId, ConversationId = conversation.Id, Title = step, AllDay = true, DueUtc = stepsDue,
            });
        if (!await db.SaveAsOpenedAsync(conversation, over.Value))
        {
            var saved = await LoadAsync(tracked: false);
            return saved is null ? NotFound() : Conflict(saved);
        }
        var more = new List<string>();
        if (added > 0) more.Add($"{Plural.Of(added, "open question")} {(added == 1 ? "was" : "were")} added to the field");
        if (steps.Count > 0) more.Add($"{Plural.Of(steps.Count, "next step")} {(steps.Count == 1 ? "is" : "are")} now in your follow-ups");
        TempData["Status"] = "Your reflection is saved" + (more.Count > 0 ? ", and " + string.Join("; ", more) : "") + ".";
        return RedirectToPage("/Conversations/Details", new { id = Id });
    }

    private async Task<Conversation?> LoadAsync(bool tracked)
    {
        var query = db.Conversations.Include(c => c.Contact).Include(c => c.Fields).ThenInclude(f => f.CareerField).AsSplitQuery();
        var conversation = await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(c => c.Id == Id);
        if (conversation is null) return null;
        ContactName = conversation.Contact!.FullName;
        Fields = conversation.Fields.Select(f => new Choice(f.CareerFieldId, f.CareerField!.Name)).ToList();
        return conversation;
    }

    /// <summary>Saved elsewhere since the form was opened: nothing written, the typing kept, what changed named.</summary>
    private IActionResult Conflict(Conversation saved)
    {
        ModelState.Clear();
        Edit = EditState.Refused(Opened, saved, ReflectionInput.From(saved).Fields(), Input.Fields());
        return this.Conflicted();
    }


    public sealed class ReflectionInput
    {
        public static ReflectionInput From(Conversation c) => new()
        {
            Learned = c.Learned, StillWantToKnow = c.StillWantToKnow, NextSteps = c.NextSteps, FitRating = c.FitRating, FitNote = c.FitNote,
        };

        /// <summary>The fields as the person reads them, to say what changed since the form was opened.</summary>
        public IReadOnlyList<FormField> Fields() =>
        [
            new("What I learned", Learned),
            new("What I still want to know", StillWantToKnow),
            new("Next steps", NextSteps),
            new("How well the field fits", FitRating?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Why", FitNote),
        ];

        [StringLength(Conversation.ReflectionMaxLength, ErrorMessage = "Use at most {1} characters.")]
        [Display(Name = "What I learned")]
        public string? Learned { get; set; }

        [StringLength(Conversation.ReflectionMaxLength, ErrorMessage = "Use at most {1} characters.")]
        [Display(Name = "What I still want to know (one per line)")]
        public string? StillWantToKnow { get; set; }

        [Display(Name = "Add these as open questions of")]
        public int? AddQuestionsTo { get; set; }

        [StringLength(Conversation.ReflectionMaxLength, ErrorMessage = "Use at most {1} characters.")]
        [Display(Name = "Next steps (one per line; each becomes a follow-up)")]
        public string? NextSteps { get; set; }

        [Display(Name = "How well the field fits me now")]
        public int? FitRating { get; set; }

        [StringLength(Conversation.ReflectionMaxLength, ErrorMessage = "Use at most {1} characters.")]
        [Display(Name = "Why")]
        public string? FitNote { get; set; }
    }
}

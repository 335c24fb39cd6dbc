using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.Shared;

namespace Rapport.Features.Questions;

/// <summary>The question bank: Rapport's questions by theme, which the person can hide or copy and
/// reword, and their own questions. Proposals for each conversation are drawn from here.</summary>
public class IndexModel(RapportDb db) : PageModel
{
    public IReadOnlySet<string> Hidden { get; private set; } = new HashSet<string>();
    public IReadOnlyList<OwnQuestion> Own { get; private set; } = [];

    [BindProperty]
    public QuestionInput Input { get; set; } = new();

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostHideAsync(string key, bool hide)
    {
        if (QuestionBank.Find(key) is null) return NotFound();
        var existing = await db.HiddenQuestions.FirstOrDefaultAsync(h => h.Key == key);
        if (hide && existing is null) db.HiddenQuestions.Add(new HiddenQuestion { Key = key });
        if (!hide && existing is not null) db.HiddenQuestions.Remove(existing);
        await db.SaveChangesAsync();
        return RedirectToPage(null, null, null, "q-" + key);
    }

    /// <summary>Copies a built-in into the person's own questions, to reword; the built-in is hidden.</summary>
    public async Task<IActionResult> OnPostCopyAsync(string key)
    {
        var question = QuestionBank.Find(key);
        if (question is null) return NotFound();
        var copy = new OwnQuestion
        {
            Text = question.Text, Theme = question.Theme, Part = question.Part, Goals = question.Goals,
            NeedsOrganization = question.NeedsOrganization, CopiedFromKey = key,
        };
        db.OwnQuestions.Add(copy);
        if (!await db.HiddenQuestions.AnyAsync(h => h.Key == key)) db.HiddenQuestions.Add(new HiddenQuestion { Key = key });
        await db.SaveChangesAsync();
        TempData["Status"] = "Copied to your own questions: reword it below.";
        return RedirectToPage(null, null, null, "own-" + copy.Id);
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        Validate();
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        db.OwnQuestions.Add(Apply(new OwnQuestion()));
        await db.SaveChangesAsync();
        TempData["Status"] = "Your question is added to the bank.";
        return RedirectToPage(null, null, null, "own");
    }

    /// <summary>The version an own question's form was opened at (see docs/decisions/011-edit-conflicts.md).</summary>
    [BindProperty]
    public OpenedAt Opened { get; set; } = new();

    /// <summary>The own question whose save was refused, shown open with the typing and the notice.</summary>
    public int? RefusedId { get; private set; }
    public EditState? RefusedEdit { get; private set; }

    public async Task<IActionResult> OnPostEditAsync(int id)
    {
        var question = await db.OwnQuestions.FirstOrDefaultAsync(q => q.Id == id);
        if (question is null) return NotFound();
        Validate();
        if (!ModelState.IsValid)
        {
            TempData["Status"] = ModelState.Values.SelectMany(v => v.Errors).First().ErrorMessage;
            return RedirectToPage(null, null, null, "own-" + id);
        }
        if (Opened.WritableOver(question, Fields(question)) is int over)
        {
            Apply(question);
            if (await db.SaveAsOpenedAsync(question, over))
            {
                TempData["Status"] = "Your question is saved.";
                return RedirectToPage(null, null, null, "own-" + id);
            }
            question = await db.OwnQuestions.AsNoTracking().FirstOrDefaultAsync(q => q.Id == id);
            if (question is null) return NotFound();
        }
        // Changed elsewhere since the form was shown: the question comes back open, as typed, with what changed.
        var typed = Apply(new OwnQuestion { Id = id });
        await LoadAsync();
        Own = Own.Select(q => q.Id == id ? typed : q).ToList();
        (RefusedId, RefusedEdit) = (id, EditState.Refused(Opened, question, Fields(question), Fields(typed)));
        return this.Conflicted();
    }

    /// <summary>The fields as the person reads them, to say what changed since the form was opened.</summary>
    public static IReadOnlyList<FormField> Fields(OwnQuestion q) =>
    [
        new("Question", q.Text),
        new("Theme", Labels.Of(q.Theme)),
        new("Part of the conversation", Labels.Of(q.Part)),
        new("Goals", string.Join(", ", QuestionBank.Goals.Where(g => q.Goals.HasFlag(g)).Select(g => Labels.Of(g)))),
        new("About the organization", q.NeedsOrganization ? "yes" : "no"),
    ];

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        var question = await db.OwnQuestions.FirstOrDefaultAsync(q => q.Id == id);
        if (question is null) return NotFound();
        db.OwnQuestions.Remove(question);
        await db.SaveChangesAsync();
        TempData["Status"] = "Your question is deleted. Conversations that used it keep their copy.";
        return RedirectToPage(null, null, null, "own");
    }

    private void Validate()
    {
        if (!Enum.IsDefined(Input.Theme)) ModelState.AddModelError("Input.Theme", "Choose a theme.");
        if (!Enum.IsDefined(Input.Part)) ModelState.AddModelError("Input.Part", "Choose a part of the conversation.");
        if (Input.Goals.Any(g => !QuestionBank.Goals.Contains(g))) ModelState.AddModelError("Input.Goals", "Choose goals from the list.");
    }

    private OwnQuestion Apply(OwnQuestion question)
    {
        // Kept exactly when the person did not change it (FieldEdit); what they typed is trimmed.
        question.Text = FieldEdit.Text(question.Text, Input.Text, trim: true) ?? "";
        question.Theme = Input.Theme;
        question.Part = Input.Part;
        question.Goals = Input.Goals.Aggregate(ConversationGoal.None, (all, g) => all | g);
        question.NeedsOrganization = Input.NeedsOrganization;
        return question;
    }

    private async Task LoadAsync()
    {
        Hidden = (await db.HiddenQuestions.AsNoTracking().Select(h => h.Key).ToListAsync()).ToHashSet();
        Own = await db.OwnQuestions.AsNoTracking().OrderBy(q => q.Theme).ThenBy(q => q.Id).ToListAsync();
    }

    public sealed class QuestionInput
    {
        [Required(ErrorMessage = "Write the question.")]
        [StringLength(ConversationQuestion.TextMaxLength, ErrorMessage = "Use at most {1} characters.")]
        [Display(Name = "Question")]
        public string? Text { get; set; }

        public QuestionTheme Theme { get; set; } = QuestionTheme.DayToDay;
        public ConversationPart Part { get; set; } = ConversationPart.Insights;
        public List<ConversationGoal> Goals { get; set; } = [];
        public bool NeedsOrganization { get; set; }
    }
}

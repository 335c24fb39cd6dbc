using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;

namespace Rapport.Features.Conversations;

/// <summary>Right after the meeting: what the person learned, what they still want to know (which can
/// become open questions of the field), next steps, and how well the field fits them now.</summary>
public class ReflectModel(RapportDb db) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    [BindProperty]
    public ReflectionInput Input { get; set; } = new();

    public string ContactName { get; private set; } = "";
    public IReadOnlyList<People.Choice> Fields { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var conversation = await LoadAsync(tracked: false);
        if (conversation is null) return NotFound();
        Input = new ReflectionInput
        {
            Learned = conversation.Learned, StillWantToKnow = conversation.StillWantToKnow, NextSteps = conversation.NextSteps,
            FitRating = conversation.FitRating, FitNote = conversation.FitNote,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var conversation = await LoadAsync(tracked: true);
        if (conversation is null) return NotFound();
        var fieldIds = conversation.Fields.Select(f => f.CareerFieldId).ToList();
        if (Input.AddQuestionsTo is int target && !fieldIds.Contains(target))
            ModelState.AddModelError("Input.AddQuestionsTo", "Choose one of this conversation's fields.");
        if (!ModelState.IsValid) return Page();

        conversation.Learned = Blank(Input.Learned);
        conversation.StillWantToKnow = Blank(Input.StillWantToKnow);
        conversation.NextSteps = Blank(Input.NextSteps);
        conversation.FitRating = Input.FitRating;
        conversation.FitNote = Blank(Input.FitNote);
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
        await db.SaveChangesAsync();
        TempData["Status"] = added > 0 ? $"Your reflection is saved, and {added} open {(added == 1 ? "question was" : "questions were")} added to the field." : "Your reflection is saved.";
        return RedirectToPage("/Conversations/Details", new { id = Id });
    }

    private async Task<Conversation?> LoadAsync(bool tracked)
    {
        var query = db.Conversations.Include(c => c.Contact).Include(c => c.Fields).ThenInclude(f => f.CareerField).AsSplitQuery();
        var conversation = await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(c => c.Id == Id);
        if (conversation is null) return null;
        ContactName = conversation.Contact!.FullName;
        Fields = conversation.Fields.Select(f => new People.Choice(f.CareerFieldId, f.CareerField!.Name)).ToList();
        return conversation;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public sealed class ReflectionInput
    {
        [StringLength(Conversation.ReflectionMaxLength, ErrorMessage = "Use at most {1} characters.")]
        [Display(Name = "What I learned")]
        public string? Learned { get; set; }

        [StringLength(Conversation.ReflectionMaxLength, ErrorMessage = "Use at most {1} characters.")]
        [Display(Name = "What I still want to know (one per line)")]
        public string? StillWantToKnow { get; set; }

        [Display(Name = "Add these as open questions of")]
        public int? AddQuestionsTo { get; set; }

        [StringLength(Conversation.ReflectionMaxLength, ErrorMessage = "Use at most {1} characters.")]
        [Display(Name = "Next steps")]
        public string? NextSteps { get; set; }

        [Range(1, 5, ErrorMessage = "Rate the fit from 1 to 5.")]
        [Display(Name = "How well the field fits me now")]
        public int? FitRating { get; set; }

        [StringLength(Conversation.ReflectionMaxLength, ErrorMessage = "Use at most {1} characters.")]
        [Display(Name = "Why")]
        public string? FitNote { get; set; }
    }
}

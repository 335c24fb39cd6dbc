using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.People;
using Rapport.Features.Shared;
using Rapport.Formats;

namespace Rapport.Features.CareerFields;

/// <summary>One field: what the person has read, their open questions (and the answers as they come),
/// and the people and organizations in it.</summary>
public class DetailsModel(RapportDb db, TimeProvider clock) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    public CareerFieldPage.Facts Field { get; private set; } = null!;
    public string NotesHtml { get; private set; } = "";
    public IReadOnlyList<CareerFieldPage.Question> Questions { get; private set; } = [];
    public IReadOnlyList<PersonLink> People { get; private set; } = [];
    public int PeopleCount => Field.PeopleCount;
    public IReadOnlyList<PersonLink> Organizations { get; private set; } = [];
    public FieldSynthesis Synthesis { get; private set; } = null!;

    /// <summary>The next steps from reflections on this field's conversations.</summary>
    public FollowUps.NextSteps NextSteps { get; private set; } = new([], []);

    [BindProperty]
    [Required(ErrorMessage = "Type the question.")]
    [StringLength(OpenQuestion.TextMaxLength, ErrorMessage = "Use at most {1} characters.")]
    public string? NewQuestion { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddQuestionAsync()
    {
        if (!await db.CareerFields.AnyAsync(f => f.Id == Id)) return NotFound();
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        db.OpenQuestions.Add(new OpenQuestion { CareerFieldId = Id, Text = NewQuestion!.Trim() });
        await db.SaveChangesAsync();
        return RedirectToPage(null, null, new { id = Id }, "questions");
    }

    public async Task<IActionResult> OnPostAnswerAsync(int questionId, string? answer, string? source)
    {
        var question = await db.OpenQuestions.FirstOrDefaultAsync(q => q.Id == questionId && q.CareerFieldId == Id);
        if (question is null) return NotFound();
        answer = answer?.Trim();
        source = source?.Trim();
        if (string.IsNullOrEmpty(answer) || answer.Length > OpenQuestion.AnswerMaxLength || source?.Length > OpenQuestion.SourceMaxLength)
        {
            TempData["Status"] = $"Write the answer (at most {OpenQuestion.AnswerMaxLength:N0} characters) and, if you like, where it came from.";
            return RedirectToPage(null, null, new { id = Id }, "questions");
        }
        question.Answer = answer;
        question.AnswerSource = string.IsNullOrEmpty(source) ? null : source;
        question.AnsweredAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        return RedirectToPage(null, null, new { id = Id }, "questions");
    }

    public async Task<IActionResult> OnPostReopenAsync(int questionId)
    {
        var question = await db.OpenQuestions.FirstOrDefaultAsync(q => q.Id == questionId && q.CareerFieldId == Id);
        if (question is null) return NotFound();
        question.AnsweredAtUtc = null;
        await db.SaveChangesAsync();
        return RedirectToPage(null, null, new { id = Id }, "questions");
    }

    public async Task<IActionResult> OnPostDeleteQuestionAsync(int questionId)
    {
        var question = await db.OpenQuestions.FirstOrDefaultAsync(q => q.Id == questionId && q.CareerFieldId == Id);
        if (question is null) return NotFound();
        db.OpenQuestions.Remove(question);
        await db.SaveChangesAsync();
        return RedirectToPage(null, null, new { id = Id }, "questions");
    }

    private async Task<bool> LoadAsync()
    {
        var page = await CareerFieldPage.LoadAsync(db, Id);
        if (page is null) return false;
        (Field, Questions, People, Organizations, Synthesis) = (page.Field, page.Questions, page.People, page.Organizations, page.Synthesis);
        NotesHtml = SafeMarkdown.ToHtml(Field.Notes);
        NextSteps = await FollowUps.NextSteps.OfFieldAsync(db, Id);
        return true;
    }
}

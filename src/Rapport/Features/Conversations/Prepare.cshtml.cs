using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.Shared;
using Rapport.Formats;
using Rapport.Web;

namespace Rapport.Features.Conversations;

/// <summary>Getting ready: goals, what the person knows about the contact and the organization, their
/// own introduction, the question list in order, and the checklist for the day. Prints as one sheet.</summary>
public class PrepareModel(RapportDb db, QuestionPlanner planner, TimeProvider clock, UserTime time) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    public PreparationSheet.Facts Sheet { get; private set; } = null!;
    public string ContactName => Sheet.ContactName;

    public NextStepButton Next => new(Sheet.Id, Sheet.ContactFirstName,
        ConversationNextStep.For(Sheet.Stage, Sheet.MeetingStartUtc, clock.GetUtcNow().UtcDateTime, time.Zone));
    public IReadOnlyList<string> Fields { get; private set; } = [];
    public string ContactNotesHtml { get; private set; } = "";
    public string OrganizationNotesHtml { get; private set; } = "";
    public string? SelfIntroduction => Sheet.SelfIntroduction;
    public QuestionListView List { get; private set; } = null!;
    public IReadOnlyList<QuestionCandidate> Suggestions { get; private set; } = [];

    /// <summary>The version the posting form (notes, checklist or question list) was opened at.</summary>
    [BindProperty]
    public OpenedAt Opened { get; set; } = new();

    public EditState NotesEdit { get; private set; } = null!;
    public ChecklistView Checklist { get; private set; } = null!;

    /// <summary>After a refused save of the notes: what the person typed, shown again.</summary>
    public string? TypedNotes { get; private set; }

    /// <summary>Carries the button to focus across the redirect after a move without JavaScript.</summary>
    private const string FocusKey = "FocusQuestionButton";

    public static IReadOnlyList<FormField> NotesFields(string? notes) => [new("Notes for this conversation", notes)];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public Task<IActionResult> OnPostUpAsync(int questionId) => MoveAsync(questionId, -1);

    public Task<IActionResult> OnPostDownAsync(int questionId) => MoveAsync(questionId, +1);

    public Task<IActionResult> OnPostRemoveAsync(int questionId) => ChangeListAsync(list =>
    {
        var question = list.FirstOrDefault(q => q.Id == questionId);
        if (question is null) return false;
        db.ConversationQuestions.Remove(question);
        list.Remove(question);
        return true;
    });

    /// <summary>A new order from drag and drop: the ids of the whole list, top to bottom.</summary>
    public Task<IActionResult> OnPostReorderAsync(List<int> order) => ChangeListAsync(list =>
    {
        if (order.Count != list.Count || order.Distinct().Count() != list.Count || list.Any(q => !order.Contains(q.Id))) return false;
        list.Sort((a, b) => order.IndexOf(a.Id).CompareTo(order.IndexOf(b.Id)));
        return true;
    });

    public async Task<IActionResult> OnPostAddAsync(string? key, string? text)
    {
        if (!await db.Conversations.AnyAsync(c => c.Id == Id)) return NotFound();
        QuestionCandidate? candidate = null;
        if (!string.IsNullOrWhiteSpace(key))
        {
            var fieldIds = await db.ConversationFields.Where(f => f.ConversationId == Id).Select(f => f.CareerFieldId).ToListAsync();
            candidate = (await planner.CandidatesAsync(fieldIds)).FirstOrDefault(c => c.Key == key);
        }
        else if (!string.IsNullOrWhiteSpace(text) && text.Trim().Length <= ConversationQuestion.TextMaxLength)
        {
            candidate = new QuestionCandidate("typed", text.Trim(), ConversationPart.Insights, ConversationGoal.None, false, false, true);
        }
        if (candidate is null)
        {
            TempData["Status"] = $"Choose a question to add, or type one (at most {ConversationQuestion.TextMaxLength} characters).";
            return RedirectToPage(null, null, new { id = Id }, "questions");
        }
        return await ChangeListAsync(list =>
        {
            var added = QuestionPlanner.ToListed(candidate, list.Count);
            added.ConversationId = Id;
            db.ConversationQuestions.Add(added);
            list.Insert(QuestionTailoring.AddedAt(list.Select(q => q.Part).ToList()), added);
            return true;
        });
    }

    public async Task<IActionResult> OnPostProposeAsync()
    {
        var conversation = await db.Conversations.Include(c => c.Fields).Include(c => c.Questions).FirstOrDefaultAsync(c => c.Id == Id);
        if (conversation is null) return NotFound();
        db.ConversationQuestions.RemoveRange(conversation.Questions);
        await planner.ProposeAsync(conversation);
        await db.SaveChangesAsync();
        TempData["Status"] = "A fresh list is proposed for your goals.";
        return RedirectToPage(null, null, new { id = Id }, "questions");
    }

    public async Task<IActionResult> OnPostNotesAsync(string? researchNotes)
    {
        var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Id == Id);
        if (conversation is null) return NotFound();
        if (researchNotes?.Length > Conversation.NotesMaxLength)
        {
            TempData["Status"] = $"Research notes can hold at most {Conversation.NotesMaxLength:N0} characters.";
            return RedirectToPage(new { id = Id });
        }
        var over = Opened.WritableOver(conversation, NotesFields(conversation.ResearchNotes));
        conversation.ResearchNotes = FieldEdit.Text(conversation.ResearchNotes, researchNotes);
        if (over is null || !await db.SaveAsOpenedAsync(conversation, over.Value))
        {
            db.ChangeTracker.Clear();
            if (!await LoadAsync()) return NotFound();
            TypedNotes = researchNotes;
            NotesEdit = EditState.Refused(Opened, Sheet.Version, NotesFields(Sheet.ResearchNotes), NotesFields(researchNotes));
            return this.Conflicted();
        }
        if (Request.IsHtmx()) return new NoContentResult();
        TempData["Status"] = "Research notes are saved.";
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostChecklistAsync(bool routeChecked, bool resumeReady, bool clothesReady, bool arriveEarly)
    {
        var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Id == Id);
        if (conversation is null) return NotFound();
        var typed = ChecklistView.Of(conversation) with { RouteChecked = routeChecked, ResumeReady = resumeReady, ClothesReady = clothesReady, ArriveEarly = arriveEarly };
        var over = Opened.WritableOver(conversation, ChecklistView.Of(conversation).Fields());
        (conversation.RouteChecked, conversation.ResumeReady, conversation.ClothesReady, conversation.ArriveEarly) = (routeChecked, resumeReady, clothesReady, arriveEarly);
        if (over is null || !await db.SaveAsOpenedAsync(conversation, over.Value))
        {
            db.ChangeTracker.Clear();
            if (!await LoadAsync()) return NotFound();
            Checklist = typed with { Edit = EditState.Refused(Opened, Sheet.Version, Checklist.Fields(), typed.Fields()) };
            return this.Conflicted("_Checklist", Checklist);
        }
        // htmx swaps the checklist in again, so its next change carries the new version.
        if (Request.IsHtmx()) return Partial("_Checklist", ChecklistView.Of(conversation).Opening(conversation.Version));
        return RedirectToPage(null, null, new { id = Id }, "checklist");
    }

    /// <summary>Moves a question and keeps the keyboard on it: the answer focuses the same arrow of the moved
    /// question, or its other arrow once it reaches an end (a disabled button cannot hold focus).</summary>
    private Task<IActionResult> MoveAsync(int questionId, int offset)
    {
        string? focus = null;
        return ChangeListAsync(list =>
        {
            var index = list.FindIndex(q => q.Id == questionId);
            if (index < 0) return false;
            var moved = QuestionTailoring.Move(list, index, offset);
            list.Clear();
            list.AddRange(moved);
            var at = list.FindIndex(q => q.Id == questionId);
            var atEnd = offset < 0 ? at == 0 : at == list.Count - 1;
            focus = QuestionListView.ButtonId((offset < 0) != atEnd ? "up" : "down", questionId);
            return true;
        }, () => focus);
    }

    /// <summary>Loads the list in order, lets <paramref name="change"/> edit it, renumbers and saves;
    /// answers with the list fragment for htmx, or goes back to the page. A list changed in another tab
    /// since this one was shown is not touched: the answer is the list as it now is, with a notice.</summary>
    private async Task<IActionResult> ChangeListAsync(Func<List<ConversationQuestion>, bool> change, Func<string?>? focus = null)
    {
        var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Id == Id);
        if (conversation is null) return NotFound();
        var list = await db.ConversationQuestions.Where(q => q.ConversationId == Id).OrderBy(q => q.Position).ThenBy(q => q.Id).ToListAsync();
        var over = Opened.Fields is null ? conversation.Version : Opened.WritableOver(conversation, QuestionListView.Fields(list.Select(q => q.Text)));
        if (over is not null)
        {
            if (!change(list)) return NotFound();
            for (var i = 0; i < list.Count; i++) list[i].Position = i;
            // The list belongs to the conversation: its version moves with the list.
            if (await db.SaveAsOpenedAsync(conversation, over.Value))
            {
                if (!Request.IsHtmx())
                {
                    // A browser skips autofocus on an address with a fragment; the focused button scrolls into view itself.
                    var button = focus?.Invoke();
                    TempData[FocusKey] = button;
                    return RedirectToPage(null, null, new { id = Id }, button is null ? "questions" : null);
                }
                return Partial("_QuestionList", QuestionListView.Opening(conversation.Id, conversation.Version,
                    list.Select(q => new ListedQuestion(q.Id, q.Text, q.Part, q.Source)).ToList()) with { Focus = focus?.Invoke() });
            }
        }
        if (!await LoadAsync()) return NotFound();
        var view = List with
        {
            Edit = List.Edit! with { Conflict = new EditConflict(["The question list was changed somewhere else since this page was shown. Here it is as it is now; nothing was moved."]) },
        };
        if (!Request.IsHtmx()) List = view;
        return this.Conflicted("_QuestionList", view);
    }

    private async Task<bool> LoadAsync()
    {
        var sheet = await PreparationSheet.LoadAsync(db, Id);
        if (sheet is null) return false;
        (Sheet, Fields, List, Checklist, Suggestions) = (sheet.Conversation, sheet.Fields, sheet.List, sheet.Checklist, sheet.Suggestions);
        List = List with { Focus = TempData[FocusKey] as string };
        ContactNotesHtml = SafeMarkdown.ToHtml(Sheet.ContactNotes);
        OrganizationNotesHtml = SafeMarkdown.ToHtml(Sheet.OrganizationNotes);
        NotesEdit = EditState.Opening(Sheet.Version, NotesFields(Sheet.ResearchNotes));
        return true;
    }
}

public sealed record ListedQuestion(int Id, string Text, ConversationPart Part, string Source);

public sealed record QuestionListView(int ConversationId, IReadOnlyList<ListedQuestion> Questions)
{
    /// <summary>The version the list was shown at; each of its buttons posts it.</summary>
    public EditState? Edit { get; init; }

    public string? Advice => QuestionTailoring.AdviceFor(Questions.Count);

    /// <summary>The id of the button that takes the focus when the list is shown (after a move).</summary>
    public string? Focus { get; init; }

    public static string ButtonId(string direction, int questionId) => $"{direction}-{questionId}";

    public static IReadOnlyList<FormField> Fields(IEnumerable<string> questions) => [new("The question list", string.Join(" / ", questions))];

    /// <summary>The list as shown to be changed: its buttons post the version it was read at.</summary>
    public static QuestionListView Opening(int conversationId, int version, IReadOnlyList<ListedQuestion> questions) =>
        new(conversationId, questions) { Edit = EditState.Opening(version, Fields(questions.Select(q => q.Text))) };
}

/// <summary>The checklist for the day, as shown and as ticked.</summary>
public sealed record ChecklistView(int ConversationId, MeetingMode? Mode, int DurationMinutes, bool RouteChecked, bool ResumeReady, bool ClothesReady, bool ArriveEarly)
{
    public EditState? Edit { get; init; }

    public static ChecklistView Of(Conversation c) => new(c.Id, c.Mode, c.DurationMinutes, c.RouteChecked, c.ResumeReady, c.ClothesReady, c.ArriveEarly);

    /// <summary>The checklist as shown to be ticked: each change posts the version it was read at.</summary>
    public ChecklistView Opening(int version) => this with { Edit = EditState.Opening(version, Fields()) };

    public IReadOnlyList<FormField> Fields() =>
    [
        new("Route or link checked", RouteChecked ? "ticked" : "not ticked"),
        new("Resume ready", ResumeReady ? "ticked" : "not ticked"),
        new("Dressed for it", ClothesReady ? "ticked" : "not ticked"),
        new("Arrive early", ArriveEarly ? "ticked" : "not ticked"),
    ];
}

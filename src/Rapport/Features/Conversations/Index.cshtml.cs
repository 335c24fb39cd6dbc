using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.Shared;
using Rapport.Web;

namespace Rapport.Features.Conversations;

/// <summary>The pipeline board: a column per stage, a card per conversation, narrowed by career field, organization
/// and tag. A card moves by drag (board.js) or by its menu (a plain form), both through <see cref="OnPostMoveAsync"/>,
/// which moves it as the stage buttons of the conversation's page do. See docs/decisions/018-the-board.md.</summary>
public class IndexModel(RapportDb db, ConversationStageService stages) : PageModel
{
    /// <summary>The SQL commands the board sends, whatever the size of the account (the benchmark and a test hold it);
    /// one fewer when no card has a next task.</summary>
    public const int SqlCommands = 5;

    [BindProperty(SupportsGet = true)]
    public int? Field { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Org { get; set; }

    [BindProperty(SupportsGet = true)]
    [StringLength(ContactTag.NameMaxLength, ErrorMessage = "A tag has at most {1} characters.")]
    public string? Tag { get; set; }

    /// <summary>The filter as asked, less a tag too long to be one (its error shows beside the field).</summary>
    public BoardFilter Filter => new(Field, Org, ModelState.GetFieldValidationState(nameof(Tag)) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid ? null : Tag);

    public IReadOnlyList<BoardColumn> Columns { get; private set; } = [];
    public IReadOnlyList<Choice> Fields { get; private set; } = [];

    /// <summary>The organizations of the cards shown (and the one chosen): every organization of the account would
    /// make the page grow with it.</summary>
    public IReadOnlyList<Choice> Organizations { get; private set; } = [];

    /// <summary>Why a move was refused, for a page shown again without JavaScript (422 or 409).</summary>
    public string? Refusal { get; private set; }

    public bool IsEmpty => !Filter.IsNarrowed && Columns.All(c => c.Total == 0);

    /// <summary>The board; for htmx (board.js, after a move) only its columns.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Request.IsHtmx() ? Partial("_Board", this) : Page();
    }

    /// <summary>Moves one card to another stage, only along the allowed moves, and only from the version the board
    /// showed: a card moved or changed in another tab since answers 409 and nothing moves. With htmx (board.js) the
    /// answer is what happened, or the reason it did not move; without, Post/Redirect/Get back to the board as narrowed.</summary>
    public async Task<IActionResult> OnPostMoveAsync(int id, string? to, OpenedAt opened, string? card)
    {
        // A menu's button names the card, the version and stage the board showed it at, and the move, in one value
        // (MenuMove): the board has one form for every menu, where a form per card, with its token and three fields,
        // was a quarter of the board's bytes. A drag (board.js) sends them as fields.
        if (card is not null)
        {
            if (MenuMove.Read(card) is not { } pressed) return NotFound();
            (id, to, opened) = pressed;
        }
        var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Id == id);
        if (conversation is null) return NotFound();
        var name = await db.Contacts.Where(c => c.Id == conversation.ContactId).Select(c => Contact.FullNameOf(c.FirstName, c.LastName)).FirstAsync();
        // As every edit form: a version moved only by what the card does not show (notes taken, a meeting place) is
        // no conflict; a stage moved since the board was shown is.
        if (opened.WritableOver(conversation, Shows(conversation.Stage)) is not int writable)
            return await RefusedAsync(StatusCodes.Status409Conflict, Changed(name, conversation.Stage));
        var from = conversation.Stage;
        var move = Enum.TryParse<ConversationStage>(to, out var stage) && !int.TryParse(to, out _)
            ? await stages.MoveByHandAsync(conversation, stage)
            : new StageMove(false, "Choose a stage from the list.");
        if (!move.Allowed)
        {
            db.ChangeTracker.Clear();
            return await RefusedAsync(StatusCodes.Status422UnprocessableEntity, $"{name} stays at {Labels.Of(from)}: {move.Reason}");
        }
        if (!await db.SaveAsOpenedAsync(conversation, writable))
        {
            var now = await db.Conversations.AsNoTracking().Where(c => c.Id == id).Select(c => (ConversationStage?)c.Stage).FirstOrDefaultAsync();
            return await RefusedAsync(StatusCodes.Status409Conflict, Changed(name, now ?? from));
        }
        var said = ConversationStages.IsReopening(from, stage)
            ? $"{name}: reopened, now {Labels.Of(stage).ToLowerInvariant()}."
            : $"{name}: now {Labels.Of(stage).ToLowerInvariant()}.";
        // board.js then reads the columns again: after the rule pass, so the tasks the move made are on the cards.
        if (Request.IsHtmx()) return Content(said, "text/plain");
        TempData["Status"] = said;
        return RedirectToPage(Filter.RouteValues());
    }

    /// <summary>What a card's move stands for: the stage the card was in (its fingerprint is <c>Opened.Fields</c>).</summary>
    public static IReadOnlyList<FormField> Shows(ConversationStage stage) => [new("Stage", stage.ToString())];

    private static string Changed(string name, ConversationStage now) =>
        $"{name} was moved or changed somewhere else since this board was shown, so nothing was moved. It is at {Labels.Of(now)} now.";

    private async Task<IActionResult> RefusedAsync(int status, string reason)
    {
        Response.StatusCode = status;
        if (Request.IsHtmx()) return Content(reason, "text/plain");
        Refusal = reason;
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var filter = Filter;
        Columns = await Board.LoadAsync(db, filter);
        Fields = await db.CareerFields.AsNoTracking().OrderBy(f => f.Name).Select(f => new Choice(f.Id, f.Name)).ToListAsync();
        var organizations = Columns.SelectMany(c => c.Cards).Where(c => c.OrganizationId is not null)
            .Select(c => new Choice(c.OrganizationId!.Value, c.Organization!)).DistinctBy(c => c.Id).ToList();
        if (filter.Org is int chosen && organizations.All(o => o.Id != chosen)
            && await db.Organizations.AsNoTracking().Where(o => o.Id == chosen).Select(o => o.Name).FirstOrDefaultAsync() is string chosenName)
            organizations.Add(new Choice(chosen, chosenName));
        Organizations = organizations.OrderBy(o => o.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }
}

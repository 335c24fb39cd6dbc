using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.Shared;

namespace Rapport.Features.Conversations;

/// <summary>The agreed time and place: a date and time in a time zone (the person's by default, or the
/// contact's when they live elsewhere), the length, how, and where or the link.</summary>
public class ScheduleModel(RapportDb db, ConversationStageService stages, Web.UserTime userTime) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    [BindProperty]
    public ScheduleInput Input { get; set; } = new();

    /// <summary>The version the form was opened at (see docs/decisions/011-edit-conflicts.md).</summary>
    [BindProperty]
    public OpenedAt Opened { get; set; } = new();

    public EditState? Edit { get; private set; }

    public string ContactName { get; private set; } = "";
    public IReadOnlyList<ConversationRow> Overlaps { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var conversation = await db.Conversations.AsNoTracking().Include(c => c.Contact).FirstOrDefaultAsync(c => c.Id == Id);
        if (conversation is null) return NotFound();
        ContactName = conversation.Contact!.FullName;
        Input = InputFrom(conversation);
        Edit = EditState.Opening(conversation, Input.Fields());
        return Page();
    }

    private static ScheduleInput InputFrom(Conversation conversation)
    {
        var zone = TimeZones.FindOrUtc(conversation.TimeZoneId);
        var local = conversation.MeetingStartUtc is DateTime start ? TimeZones.ToLocal(start, zone) : (DateTime?)null;
        return new ScheduleInput
        {
            Date = local is null ? null : DateOnly.FromDateTime(local.Value),
            Time = local is null ? null : TimeOnly.FromDateTime(local.Value),
            TimeZoneId = conversation.TimeZoneId,
            DurationMinutes = conversation.DurationMinutes,
            Mode = conversation.Mode ?? MeetingMode.InPerson,
            Place = conversation.Place,
            VideoLink = conversation.VideoLink,
            MarkScheduled = conversation.Stage is ConversationStage.Idea or ConversationStage.Requested or ConversationStage.NoReply or ConversationStage.Cancelled,
        };
    }

    /// <summary>Saved elsewhere since the form was opened: nothing written, the typing kept, what changed named.</summary>
    private IActionResult Conflict(Conversation saved)
    {
        ModelState.Clear();
        Edit = EditState.Refused(Opened, saved, InputFrom(saved).Fields(), Input.Fields());
        return this.Conflicted();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var conversation = await db.Conversations.Include(c => c.Contact).FirstOrDefaultAsync(c => c.Id == Id);
        if (conversation is null) return NotFound();
        ContactName = conversation.Contact!.FullName;
        var zoneId = TimeZones.ToIanaId(Input.TimeZoneId);
        if (zoneId is null) ModelState.AddModelError("Input.TimeZoneId", "Choose a time zone from the list.");
        if (!Enum.IsDefined(Input.Mode)) ModelState.AddModelError("Input.Mode", "Choose how you will meet.");
        var link = string.IsNullOrWhiteSpace(Input.VideoLink) ? null : Input.VideoLink.Trim();
        // The meeting's own checks (the same the restore and every other writer meet), each beside its field.
        if (ConversationChecks.VideoLink(link) is { } linkProblem) ModelState.AddModelError("Input.VideoLink", linkProblem);
        if (ConversationChecks.Duration(Input.DurationMinutes) is { } duration) ModelState.AddModelError("Input.DurationMinutes", duration);
        if (ConversationChecks.MeetingDate(Input.Date) is { } dateProblem) ModelState.AddModelError("Input.Date", dateProblem);
        DateTime? startUtc = null;
        var dateInRange = ConversationChecks.MeetingDate(Input.Date) is null;
        if (Input.Date is DateOnly date && Input.Time is TimeOnly time && zoneId is not null && dateInRange)
        {
            var local = date.ToDateTime(time);
            var zone = TimeZones.FindOrUtc(zoneId);
            if (zone.IsInvalidTime(local))
                ModelState.AddModelError("Input.Time", $"{userTime.Style.Time(time)} does not exist on that day in {zoneId}: the clocks go forward. Choose another time.");
            else
                startUtc = TimeZones.ToUtc(local, zone); // a repeated hour (clocks going back) is read as its first occurrence
            // The first or last hours of the years allowed can fall outside them in UTC.
            if (ConversationChecks.MeetingStart(startUtc) is { } startProblem) ModelState.AddModelError("Input.Date", startProblem);
        }
        else if (dateInRange && (Input.Date is not null || Input.Time is not null))
        {
            ModelState.AddModelError(Input.Date is null ? "Input.Date" : "Input.Time", "Give both the date and the time, or neither.");
        }
        if (!ModelState.IsValid)
        {
            Edit = new EditState(Opened);
            return Page();
        }
        var over = Opened.WritableOver(conversation, InputFrom(conversation).Fields());
        if (over is null) return Conflict(conversation);

        // A field the person did not change keeps its stored value exactly (FieldEdit), and is no change for the calendar.
        var place = FieldEdit.Line(conversation.Place, Input.Place);
        if (FieldEdit.IsUntouchedLine(conversation.VideoLink, Input.VideoLink)) link = conversation.VideoLink;
        var changed = startUtc != conversation.MeetingStartUtc || zoneId != conversation.TimeZoneId || Input.DurationMinutes != conversation.DurationMinutes
            || Input.Mode != conversation.Mode || place != conversation.Place || link != conversation.VideoLink;
        conversation.MeetingStartUtc = startUtc;
        conversation.TimeZoneId = zoneId!;
        conversation.DurationMinutes = Input.DurationMinutes;
        conversation.Mode = Input.Mode;
        conversation.Place = place;
        conversation.VideoLink = link;
        if (changed) conversation.CalendarSequence++;
        var status = "The meeting is saved.";
        if (Input.MarkScheduled && startUtc is not null && conversation.Stage != ConversationStage.Scheduled)
        {
            // A held conversation given a new time is to be held again: back to scheduled (the bug was it stayed held).
            var move = await stages.MoveAsync(conversation, ConversationStage.Scheduled);
            status = move.Allowed ? "The meeting is saved and the conversation is scheduled." : $"The meeting is saved. {move.Reason}";
        }
        if (!await db.SaveAsOpenedAsync(conversation, over.Value))
        {
            var saved = await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == Id);
            return saved is null ? NotFound() : Conflict(saved);
        }
        if (startUtc is DateTime s)
        {
            var overlaps = await ConversationQueries.OverlapsAsync(db, Id, s, conversation.DurationMinutes);
            if (overlaps.Count > 0) status += $" It overlaps your conversation with {overlaps[0].ContactName}.";
        }
        TempData["Status"] = status;
        return RedirectToPage("/Conversations/Details", new { id = Id });
    }

    public sealed class ScheduleInput
    {
        [Display(Name = "Date")]
        [DataType(DataType.Date)]
        public DateOnly? Date { get; set; }

        [Display(Name = "Time")]
        [DataType(DataType.Time)]
        public TimeOnly? Time { get; set; }

        [Required(ErrorMessage = "Choose a time zone.")]
        [Display(Name = "Time zone")]
        public string TimeZoneId { get; set; } = "UTC";

        [Display(Name = "Length in minutes")]
        public int DurationMinutes { get; set; } = Conversation.DefaultMinutes;

        [Display(Name = "How")]
        public MeetingMode Mode { get; set; } = MeetingMode.InPerson;

        [StringLength(Conversation.PlaceMaxLength, ErrorMessage = "Use at most {1} characters.")]
        [Display(Name = "Where (address, café, office)")]
        public string? Place { get; set; }

        [StringLength(Conversation.LinkMaxLength, ErrorMessage = "Use at most {1} characters.")]
        [Display(Name = "Video or call link")]
        public string? VideoLink { get; set; }

        [Display(Name = "Mark the conversation as scheduled")]
        public bool MarkScheduled { get; set; } = true;

        /// <summary>The fields as the person reads them, to say what changed since the form was opened.</summary>
        public IReadOnlyList<FormField> Fields() =>
        [
            new("Date", Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            new("Time", Time?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)),
            new("Time zone", TimeZoneId),
            new("Length in minutes", DurationMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("How", Enum.IsDefined(Mode) ? Labels.Of(Mode) : null),
            new("Where", Place),
            new("Video or call link", VideoLink),
        ];
    }
}

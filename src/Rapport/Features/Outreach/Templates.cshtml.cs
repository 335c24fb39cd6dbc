using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.Shared;

namespace Rapport.Features.Outreach;

/// <summary>Message templates: Rapport's, to read and copy, and the person's own, to write and edit.
/// A template naming a field Rapport does not know is refused, with the field named; the preview
/// fills in sample values and shows a visible placeholder where a value would be missing.</summary>
public class TemplatesModel(RapportDb db, UserManager<RapportUser> users) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Edit { get; set; }

    [BindProperty]
    public TemplateInput Input { get; set; } = new();

    /// <summary>The version an own template's form was opened at (see docs/decisions/011-edit-conflicts.md).</summary>
    [BindProperty]
    public OpenedAt Opened { get; set; } = new();

    public EditState? Editing { get; private set; }

    public IReadOnlyList<TemplateChoice> All { get; private set; } = [];
    public string? Preview { get; private set; }
    public string? PreviewSubject { get; private set; }
    public IReadOnlyList<CheckResult> Checks { get; private set; } = [];
    public int LinkedInLimit { get; private set; } = BuiltInTemplates.LinkedInNoteLimit;

    /// <summary>Sample values for the preview: what a typical message would carry.</summary>
    public static readonly IReadOnlyDictionary<string, string?> SampleValues = TemplateFields.All.ToDictionary(f => f.Name, f => (string?)f.Example);

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        if (Edit is { } key && key != "new")
        {
            // A template that is not the person's own (or a built-in) is not found, as any other id.
            if (All.FirstOrDefault(t => t.Key == key) is not { } chosen) return NotFound();
            Input = new TemplateInput { Name = chosen.IsOwn ? chosen.Name : chosen.Name + " (my copy)", Channel = chosen.Channel, Purpose = chosen.Purpose, Subject = chosen.Subject, Body = chosen.Body };
            if (!chosen.IsOwn) Edit = null;
            Input.CopiedFrom = chosen.IsOwn ? null : chosen.Key;
            if (OwnId() is int id && await db.OwnTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id) is { } own)
                Editing = EditState.Opening(own, TemplateInput.From(own).Fields());
            ShowPreview();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        await LoadAsync();
        // A channel with no subject line keeps no subject: it would never be sent, yet would count as an unfilled field.
        if (!Channels.HasSubject(Input.Channel))
        {
            Input.Subject = null;
            ModelState.Remove("Input.Subject");
        }
        foreach (var problem in MessageTemplate.Validate(Input.Subject)) ModelState.AddModelError("Input.Subject", problem.Message);
        foreach (var problem in MessageTemplate.Validate(Input.Body)) ModelState.AddModelError("Input.Body", problem.Message);
        if (!Enum.IsDefined(Input.Channel)) ModelState.AddModelError("Input.Channel", "Choose a channel.");
        if (!Enum.IsDefined(Input.Purpose)) ModelState.AddModelError("Input.Purpose", "Choose what it is for.");
        ShowPreview();
        if (Input.Channel == Channel.LinkedIn && Preview?.Length > LinkedInLimit)
            ModelState.AddModelError("Input.Body", $"Filled in, this note has {Preview.Length} characters; LinkedIn allows {LinkedInLimit}.");
        var editing = OwnId() is not null;
        if (!ModelState.IsValid)
        {
            if (editing) Editing = new EditState(Opened);
            return Page();
        }

        OwnTemplate template;
        var over = 0;
        if (OwnId() is int id)
        {
            var found = await db.OwnTemplates.FirstOrDefaultAsync(t => t.Id == id);
            if (found is null) return NotFound();
            if (Opened.WritableOver(found, TemplateInput.From(found).Fields()) is not int writable) return Conflict(found);
            (template, over) = (found, writable);
        }
        else
        {
            template = new OwnTemplate { CopiedFromKey = Input.CopiedFrom?.Replace("built-in:", "", StringComparison.Ordinal) };
            db.OwnTemplates.Add(template);
        }
        // A field the person did not change keeps its stored value exactly (FieldEdit); what they typed is trimmed.
        template.Name = FieldEdit.Line(editing ? template.Name : null, Input.Name) ?? "";
        template.Channel = Input.Channel;
        template.Purpose = Input.Purpose;
        template.Subject = Channels.HasSubject(Input.Channel) ? FieldEdit.Line(editing ? template.Subject : null, Input.Subject) : null;
        template.Body = editing ? FieldEdit.Text(template.Body, Input.Body) ?? "" : Input.Body!;
        if (!editing) await db.SaveChangesAsync();
        else if (!await db.SaveAsOpenedAsync(template, over))
        {
            var saved = await db.OwnTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == template.Id);
            return saved is null ? NotFound() : Conflict(saved);
        }
        TempData["Status"] = $"“{template.Name}” is saved.";
        return RedirectToPage(new { edit = $"own:{template.Id}" });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        var template = await db.OwnTemplates.FirstOrDefaultAsync(t => t.Id == id);
        if (template is null) return NotFound();
        db.OwnTemplates.Remove(template);
        await db.SaveChangesAsync();
        TempData["Status"] = $"“{template.Name}” is deleted.";
        return RedirectToPage();
    }

    private int? OwnId() =>
        Edit is { } key && key.StartsWith("own:", StringComparison.Ordinal) && int.TryParse(key.AsSpan(4), out var id) ? id : null;

    /// <summary>Saved elsewhere since the form was opened: nothing written, the typing kept, what changed named.</summary>
    private IActionResult Conflict(OwnTemplate saved)
    {
        ModelState.Clear();
        Editing = EditState.Refused(Opened, saved, TemplateInput.From(saved).Fields(), Input.Fields());
        return this.Conflicted();
    }

    private void ShowPreview()
    {
        PreviewSubject = Input.Subject is null || !Channels.HasSubject(Input.Channel) ? null : MessageTemplate.Render(Input.Subject, SampleValues, isSubject: true);
        Preview = MessageTemplate.Render(Input.Body, SampleValues);
        if (Input.Channel == Channel.Email) Checks = EmailCheck.Review(Preview, SampleValues["contact.first_name"]);
    }

    private async Task LoadAsync()
    {
        All = await TemplateChoices.AllAsync(db);
        LinkedInLimit = (await users.GetUserAsync(User))?.LinkedInNoteLimit ?? BuiltInTemplates.LinkedInNoteLimit;
    }

    public sealed class TemplateInput
    {
        [Required(ErrorMessage = "Name the template.")]
        [StringLength(OwnTemplate.NameMaxLength, ErrorMessage = "Use at most {1} characters.")]
        public string? Name { get; set; }

        public Channel Channel { get; set; } = Channel.Email;
        public TemplatePurpose Purpose { get; set; } = TemplatePurpose.Request;

        [StringLength(OwnTemplate.SubjectMaxLength, ErrorMessage = "Use at most {1} characters.")]
        public string? Subject { get; set; }

        [Required(ErrorMessage = "Write the message.")]
        public string? Body { get; set; }

        public string? CopiedFrom { get; set; }

        public static TemplateInput From(OwnTemplate t) => new() { Name = t.Name, Channel = t.Channel, Purpose = t.Purpose, Subject = t.Subject, Body = t.Body };

        /// <summary>The fields as the person reads them, to say what changed since the form was opened.</summary>
        public IReadOnlyList<FormField> Fields() =>
        [
            new("Name", Name),
            new("Channel", Channel.ToString()),
            new("What it is for", Purpose.ToString()),
            new("Subject", Subject),
            new("Message", Body),
        ];
    }
}

using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Features.People;
using Rapport.Features.Shared;

namespace Rapport.Features.CareerFields;

public sealed record Answer(int ConversationId, string Person, DateTime? AtUtc, string Text);

public sealed record AnswersSideBySide(string Question, IReadOnlyList<Answer> Answers);

public sealed record Reflection(int ConversationId, string Person, DateTime? AtUtc, string? Learned, string? StillWantToKnow);

public sealed record FitPoint(int ConversationId, string Person, DateTime AtUtc, int Rating, string? Note);

/// <summary>What the person's conversations taught about one field: the same question answered by
/// different people side by side, their reflections, who could still answer the open questions, and
/// how their sense of fit moved.</summary>
public sealed record FieldSynthesis(
    IReadOnlyList<AnswersSideBySide> SharedQuestions,
    IReadOnlyList<Reflection> Reflections,
    IReadOnlyList<PersonLink> CouldAnswer,
    IReadOnlyList<FitPoint> Fit,
    int Conversations)
{
    private sealed record QuestionNotes(string Source, string Text, string Notes);

    private sealed record Talk(
        int Id, string? Learned, string? StillWantToKnow, int? FitRating, string? FitNote, DateTime? MeetingStartUtc, DateTime CreatedAtUtc,
        string Person, List<QuestionNotes> Questions);

    // Compiled once: the field's page runs these on every view. The conversations come with the notes on
    // their questions in one joined query (a few each). Both start from the field's links, so a field's page reads
    // what is in the field, not the whole account (CareerFieldPage).
    private static readonly Func<RapportDb, int, IAsyncEnumerable<Talk>> Talks = EF.CompileAsyncQuery((RapportDb db, int fieldId) =>
        db.ConversationFields.AsNoTracking().Where(f => f.CareerFieldId == fieldId)
            .Join(db.Conversations.AsNoTracking(), f => f.ConversationId, c => c.Id, (_, c) => c).OrderBy(c => c.Id)
            .Select(c => new Talk(
                c.Id, c.Learned, c.StillWantToKnow, c.FitRating, c.FitNote, c.MeetingStartUtc, c.CreatedAtUtc,
                Contact.FullNameOf(c.Contact!.FirstName, c.Contact.LastName),
                c.Questions.Where(q => q.Notes != null).OrderBy(q => q.Id).Select(q => new QuestionNotes(q.Source, q.Text, q.Notes!)).ToList()))
            .AsSingleQuery());

    // People in the field not yet talked to (no conversation about it held), who might answer what is still open.
    private static readonly Func<RapportDb, int, IAsyncEnumerable<PersonLink>> NotTalkedTo = EF.CompileAsyncQuery((RapportDb db, int fieldId) =>
        db.ContactFields.AsNoTracking().Where(f => f.CareerFieldId == fieldId).Join(db.Contacts.AsNoTracking(), f => f.ContactId, c => c.Id, (_, c) => c)
            .Where(c => !c.DoNotContact
                && !db.Conversations.Any(v => v.ContactId == c.Id && v.Fields.Any(f => f.CareerFieldId == fieldId)
                    && (v.Stage == ConversationStage.Held || v.Stage == ConversationStage.Thanked || v.Stage == ConversationStage.Closed)))
            .OrderBy(c => c.Priority).ThenBy(c => c.SearchKey).Take(5)
            .Select(c => new PersonLink(c.Id, Contact.FullNameOf(c.FirstName, c.LastName))));

    public static async Task<FieldSynthesis> LoadAsync(RapportDb db, int fieldId)
    {
        var conversations = new List<Talk>();
        await foreach (var talk in Talks(db, fieldId)) conversations.Add(talk);

        // The same question: the same bank, own or open question; a typed one by its folded wording.
        var shared = conversations
            .SelectMany(c => c.Questions.Select(q => (Key: q.Source == "typed" ? "typed:" + Folding.Fold(q.Text) : q.Source, q.Text,
                Answer: new Answer(c.Id, c.Person, c.MeetingStartUtc, q.Notes))))
            .GroupBy(x => x.Key)
            .Where(g => g.Select(x => x.Answer.ConversationId).Distinct().Count() >= 2)
            .Select(g => new AnswersSideBySide(g.First().Text, g.Select(x => x.Answer).OrderBy(a => a.AtUtc).ToList()))
            .OrderByDescending(g => g.Answers.Count)
            .ToList();

        var reflections = conversations.Where(c => c.Learned is not null || c.StillWantToKnow is not null)
            .OrderByDescending(c => c.MeetingStartUtc ?? c.CreatedAtUtc)
            .Select(c => new Reflection(c.Id, c.Person, c.MeetingStartUtc, c.Learned, c.StillWantToKnow)).ToList();

        var fit = conversations.Where(c => c.FitRating is not null)
            .Select(c => new FitPoint(c.Id, c.Person, c.MeetingStartUtc ?? c.CreatedAtUtc, c.FitRating!.Value, c.FitNote))
            .OrderBy(p => p.AtUtc).ToList();

        var couldAnswer = new List<PersonLink>();
        await foreach (var person in NotTalkedTo(db, fieldId)) couldAnswer.Add(person);

        return new FieldSynthesis(shared, reflections, couldAnswer, fit, conversations.Count);
    }
}

using Microsoft.EntityFrameworkCore;
using Rapport.Domain;

namespace Rapport.Data;

/// <summary>Conversations, their questions and what came out of them; the question bank; the calendar feed.</summary>
internal static class ConversationModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Conversation>(c =>
        {
            c.Property(x => x.TimeZoneId).HasMaxLength(64);
            c.Property(x => x.OwnGoals).HasMaxLength(1_000);
            c.Property(x => x.Place).HasMaxLength(Conversation.PlaceMaxLength);
            c.Property(x => x.VideoLink).HasMaxLength(Conversation.LinkMaxLength);
            c.Property(x => x.ResearchNotes).HasMaxLength(Conversation.NotesMaxLength);
            c.Property(x => x.FreeNotes).HasMaxLength(Conversation.NotesMaxLength);
            c.Property(x => x.Learned).HasMaxLength(Conversation.ReflectionMaxLength);
            c.Property(x => x.StillWantToKnow).HasMaxLength(Conversation.ReflectionMaxLength);
            c.Property(x => x.NextSteps).HasMaxLength(Conversation.ReflectionMaxLength);
            c.Property(x => x.FitNote).HasMaxLength(Conversation.ReflectionMaxLength);
            // The board reads each stage's latest fifty from this index, in order, however many the stage holds.
            c.HasIndex(x => new { x.OwnerId, x.Stage, x.StageChangedAtUtc });
            c.HasIndex(x => new { x.OwnerId, x.MeetingStartUtc });
            // Deleting a contact deletes their conversations: every fact about a person goes with them.
            c.HasOne(x => x.Contact).WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Cascade);
            c.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.SetNull);
            c.HasMany(x => x.Fields).WithOne().HasForeignKey(f => f.ConversationId).OnDelete(DeleteBehavior.Cascade);
            c.HasMany(x => x.Questions).WithOne().HasForeignKey(q => q.ConversationId).OnDelete(DeleteBehavior.Cascade);
            c.HasMany(x => x.StageChanges).WithOne().HasForeignKey(s => s.ConversationId).OnDelete(DeleteBehavior.Cascade);
            c.HasMany(x => x.Promises).WithOne().HasForeignKey(p => p.ConversationId).OnDelete(DeleteBehavior.Cascade);
            c.HasMany(x => x.Referrals).WithOne().HasForeignKey(r => r.ConversationId).OnDelete(DeleteBehavior.Cascade);
        });
        // Rows from before undo existed are plain moves.
        builder.Entity<StageChange>().Property(x => x.IsUndo).HasDefaultValue(false);
        builder.Entity<ConversationField>(f =>
        {
            f.HasKey(x => new { x.ConversationId, x.CareerFieldId });
            f.HasOne(x => x.CareerField).WithMany().HasForeignKey(x => x.CareerFieldId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<ConversationQuestion>(q =>
        {
            q.Property(x => x.Text).HasMaxLength(ConversationQuestion.TextMaxLength);
            q.Property(x => x.Source).HasMaxLength(ConversationQuestion.SourceMaxLength);
            q.Property(x => x.Notes).HasMaxLength(Conversation.NotesMaxLength);
            q.HasIndex(x => new { x.ConversationId, x.Position });
            q.HasOne<OpenQuestion>().WithMany().HasForeignKey(x => x.OpenQuestionId).OnDelete(DeleteBehavior.SetNull);
        });
        builder.Entity<Promise>(p => p.Property(x => x.Text).HasMaxLength(Promise.TextMaxLength));
        builder.Entity<Referral>(r => r.HasOne(x => x.Contact).WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Cascade));
        builder.Entity<OwnQuestion>(q =>
        {
            q.Property(x => x.Text).HasMaxLength(ConversationQuestion.TextMaxLength);
            q.Property(x => x.CopiedFromKey).HasMaxLength(80);
        });
        builder.Entity<HiddenQuestion>(h =>
        {
            h.HasKey(x => new { x.OwnerId, x.Key });
            h.Property(x => x.Key).HasMaxLength(80);
        });
        builder.Entity<CalendarFeed>(f =>
        {
            f.HasKey(x => x.OwnerId);
            f.Property(x => x.TokenHash).HasMaxLength(64);
            f.HasIndex(x => x.TokenHash).IsUnique();
        });
    }
}

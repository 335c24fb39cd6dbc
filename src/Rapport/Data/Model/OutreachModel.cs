using Microsoft.EntityFrameworkCore;
using Rapport.Domain;

namespace Rapport.Data;

/// <summary>Templates, messages sent, replies, follow-up tasks, cadences and outcomes.</summary>
internal static class OutreachModel
{
    public const string OpenTasksIndex = "IX_FollowUpTasks_Open";
    public const string SnoozedTasksIndex = "IX_FollowUpTasks_Snoozed";
    public const string OpenTasksFilter = "\"DoneAtUtc\" IS NULL AND \"DismissedAtUtc\" IS NULL";

    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<OwnTemplate>(t =>
        {
            t.Property(x => x.Name).HasMaxLength(OwnTemplate.NameMaxLength);
            t.Property(x => x.Subject).HasMaxLength(OwnTemplate.SubjectMaxLength);
            t.Property(x => x.Body).HasMaxLength(MessageTemplate.MaxLength);
            t.Property(x => x.CopiedFromKey).HasMaxLength(80);
        });
        builder.Entity<OutreachAttempt>(a =>
        {
            a.Property(x => x.Subject).HasMaxLength(OutreachAttempt.SubjectMaxLength);
            a.Property(x => x.Body).HasMaxLength(OutreachAttempt.BodyMaxLength);
            a.Property(x => x.TemplateKey).HasMaxLength(OutreachAttempt.TemplateKeyMaxLength);
            a.HasIndex(x => new { x.OwnerId, x.SentAtUtc });
            // A person's messages and replies go with them; a conversation's stay on the contact if it is deleted.
            a.HasOne<Contact>().WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Cascade);
            a.HasOne<Conversation>().WithMany().HasForeignKey(x => x.ConversationId).OnDelete(DeleteBehavior.SetNull);
        });
        builder.Entity<Reply>(r =>
        {
            r.HasOne<Contact>().WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Cascade);
            r.HasOne<Conversation>().WithMany().HasForeignKey(x => x.ConversationId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<FollowUpTask>(t =>
        {
            t.Property(x => x.Title).HasMaxLength(FollowUpTask.TitleMaxLength);
            t.Property(x => x.Notes).HasMaxLength(FollowUpTask.NotesMaxLength);
            t.Property(x => x.RuleKey).HasMaxLength(FollowUpTask.RuleKeyMaxLength);
            t.HasIndex(x => new { x.OwnerId, x.RuleKey }).IsUnique();
            // Only open tasks: thousands of done ones must not slow the lists of what is left to do.
            // The snooze and the filter's own columns ride along so the home page counts overdue tasks from the index alone.
            t.HasIndex(x => new { x.OwnerId, x.DueUtc, x.SnoozedUntilUtc, x.DoneAtUtc, x.DismissedAtUtc }).HasDatabaseName(OpenTasksIndex).HasFilter(OpenTasksFilter);
            t.HasIndex(x => new { x.OwnerId, x.SnoozedUntilUtc }).HasDatabaseName(SnoozedTasksIndex)
                .HasFilter("\"SnoozedUntilUtc\" IS NOT NULL AND " + OpenTasksFilter);
            t.HasOne<Contact>().WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Cascade);
            t.HasOne<Conversation>().WithMany().HasForeignKey(x => x.ConversationId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<TagCadence>(c =>
        {
            c.HasKey(x => new { x.OwnerId, x.TagNormalizedName });
            c.Property(x => x.TagNormalizedName).HasMaxLength(ContactTag.NameMaxLength);
        });
        builder.Entity<SearchOutcome>(o => o.Property(x => x.Text).HasMaxLength(SearchOutcome.TextMaxLength));

        // Policy columns were added to existing accounts, so the database keeps their defaults.
        builder.Entity<RapportUser>(u =>
        {
            u.Property(x => x.ThankYouHours).HasDefaultValue(48);
            u.Property(x => x.NudgeBusinessDays).HasDefaultValue(3);
            u.Property(x => x.FollowUpBusinessDays).HasDefaultValue(7);
            u.Property(x => x.WeeklyRequestGoal).HasDefaultValue(3);
            u.Property(x => x.LinkedInNoteLimit).HasDefaultValue(200);
        });
    }
}

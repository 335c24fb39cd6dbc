using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Rapport.Data.Migrations;

/// <summary>Outreach and follow-up: the person's templates, messages sent and replies, follow-up tasks
/// (unique per rule key, so a rule never makes a task twice), keep-in-touch cadences by tag, search
/// outcomes, and the follow-up policies on each account (existing accounts get the product defaults).</summary>
[DbContext(typeof(RapportDb))]
[Migration("20261127230000_AddOutreachAndFollowUps")]
public sealed class AddOutreachAndFollowUps : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<int>("ThankYouHours", "AspNetUsers", nullable: false, defaultValue: 48);
        m.AddColumn<int>("NudgeBusinessDays", "AspNetUsers", nullable: false, defaultValue: 3);
        m.AddColumn<int>("FollowUpBusinessDays", "AspNetUsers", nullable: false, defaultValue: 7);
        m.AddColumn<int>("KeepInTouchDays", "AspNetUsers", nullable: true);
        m.AddColumn<int>("WeeklyRequestGoal", "AspNetUsers", nullable: false, defaultValue: 3);
        m.AddColumn<int>("LinkedInNoteLimit", "AspNetUsers", nullable: false, defaultValue: 200);
        m.AddColumn<TimeOnly>("DigestTime", "AspNetUsers", nullable: true);
        m.AddColumn<DateOnly>("DigestSentOn", "AspNetUsers", nullable: true);
        // Keeping in touch is on by default: existing accounts get the 90-day cadence, with no column default
        // (null means off, and must stay possible).
        m.Sql("""UPDATE "AspNetUsers" SET "KeepInTouchDays" = 90""");

        m.CreateTable(
            name: "OwnTemplates",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                OwnerId = t.Column<string>(nullable: false),
                Name = t.Column<string>(maxLength: 120, nullable: false),
                Channel = t.Column<int>(nullable: false),
                Purpose = t.Column<int>(nullable: false),
                Subject = t.Column<string>(maxLength: 300, nullable: true),
                Body = t.Column<string>(maxLength: 10000, nullable: false),
                CopiedFromKey = t.Column<string>(maxLength: 80, nullable: true),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
                UpdatedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_OwnTemplates", x => x.Id);
                t.ForeignKey("FK_OwnTemplates_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        m.CreateTable(
            name: "OutreachAttempts",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                OwnerId = t.Column<string>(nullable: false),
                ContactId = t.Column<int>(nullable: false),
                ConversationId = t.Column<int>(nullable: true),
                Channel = t.Column<int>(nullable: false),
                Purpose = t.Column<int>(nullable: false),
                Subject = t.Column<string>(maxLength: 300, nullable: true),
                Body = t.Column<string>(maxLength: 10000, nullable: false),
                SentAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_OutreachAttempts", x => x.Id);
                t.ForeignKey("FK_OutreachAttempts_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_OutreachAttempts_Contacts_ContactId", x => x.ContactId, "Contacts", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_OutreachAttempts_Conversations_ConversationId", x => x.ConversationId, "Conversations", "Id", onDelete: ReferentialAction.SetNull);
            });

        m.CreateTable(
            name: "Replies",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                OwnerId = t.Column<string>(nullable: false),
                ContactId = t.Column<int>(nullable: false),
                ConversationId = t.Column<int>(nullable: false),
                Kind = t.Column<int>(nullable: false),
                AtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Replies", x => x.Id);
                t.ForeignKey("FK_Replies_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_Replies_Contacts_ContactId", x => x.ContactId, "Contacts", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_Replies_Conversations_ConversationId", x => x.ConversationId, "Conversations", "Id", onDelete: ReferentialAction.Cascade);
            });

        m.CreateTable(
            name: "FollowUpTasks",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                OwnerId = t.Column<string>(nullable: false),
                ContactId = t.Column<int>(nullable: true),
                ConversationId = t.Column<int>(nullable: true),
                Kind = t.Column<int>(nullable: false),
                RuleKey = t.Column<string>(maxLength: 120, nullable: true),
                Title = t.Column<string>(maxLength: 300, nullable: false),
                Notes = t.Column<string>(maxLength: 4000, nullable: true),
                DueUtc = t.Column<DateTime>(nullable: false),
                AllDay = t.Column<bool>(nullable: false),
                SnoozedUntilUtc = t.Column<DateTime>(nullable: true),
                DoneAtUtc = t.Column<DateTime>(nullable: true),
                DismissedAtUtc = t.Column<DateTime>(nullable: true),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
                UpdatedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_FollowUpTasks", x => x.Id);
                t.ForeignKey("FK_FollowUpTasks_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_FollowUpTasks_Contacts_ContactId", x => x.ContactId, "Contacts", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_FollowUpTasks_Conversations_ConversationId", x => x.ConversationId, "Conversations", "Id", onDelete: ReferentialAction.Cascade);
            });

        m.CreateTable(
            name: "TagCadences",
            columns: t => new
            {
                OwnerId = t.Column<string>(nullable: false),
                TagNormalizedName = t.Column<string>(maxLength: 50, nullable: false),
                Days = t.Column<int>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_TagCadences", x => new { x.OwnerId, x.TagNormalizedName });
                t.ForeignKey("FK_TagCadences_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        m.CreateTable(
            name: "SearchOutcomes",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                OwnerId = t.Column<string>(nullable: false),
                Kind = t.Column<int>(nullable: false),
                Text = t.Column<string>(maxLength: 1000, nullable: false),
                RecordedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_SearchOutcomes", x => x.Id);
                t.ForeignKey("FK_SearchOutcomes_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        m.CreateIndex("IX_FollowUpTasks_ContactId", "FollowUpTasks", "ContactId");
        m.CreateIndex("IX_FollowUpTasks_ConversationId", "FollowUpTasks", "ConversationId");
        m.CreateIndex("IX_FollowUpTasks_OwnerId_DueUtc", "FollowUpTasks", ["OwnerId", "DueUtc"]);
        m.CreateIndex("IX_FollowUpTasks_OwnerId_RuleKey", "FollowUpTasks", ["OwnerId", "RuleKey"], unique: true);
        m.CreateIndex("IX_OutreachAttempts_ContactId", "OutreachAttempts", "ContactId");
        m.CreateIndex("IX_OutreachAttempts_ConversationId", "OutreachAttempts", "ConversationId");
        m.CreateIndex("IX_OutreachAttempts_OwnerId_SentAtUtc", "OutreachAttempts", ["OwnerId", "SentAtUtc"]);
        m.CreateIndex("IX_OwnTemplates_OwnerId", "OwnTemplates", "OwnerId");
        m.CreateIndex("IX_Replies_ContactId", "Replies", "ContactId");
        m.CreateIndex("IX_Replies_ConversationId", "Replies", "ConversationId");
        m.CreateIndex("IX_Replies_OwnerId", "Replies", "OwnerId");
        m.CreateIndex("IX_SearchOutcomes_OwnerId", "SearchOutcomes", "OwnerId");
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Rapport does not migrate down; restore a backup instead.");
}

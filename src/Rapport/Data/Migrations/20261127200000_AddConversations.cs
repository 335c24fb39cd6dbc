using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Rapport.Data.Migrations;

/// <summary>Conversations (stages and their history, goals, the question list with answers, promises,
/// referrals, reflection), the person's own questions and hidden built-ins, and the calendar feed.
/// New tables only: nothing existing changes.</summary>
[DbContext(typeof(RapportDb))]
[Migration("20261127200000_AddConversations")]
public sealed class AddConversations : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable(
            name: "Conversations",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                OwnerId = t.Column<string>(nullable: false),
                Uid = t.Column<Guid>(nullable: false),
                ContactId = t.Column<int>(nullable: false),
                OrganizationId = t.Column<int>(nullable: true),
                Stage = t.Column<int>(nullable: false),
                StageChangedAtUtc = t.Column<DateTime>(nullable: false),
                Goals = t.Column<int>(nullable: false),
                OwnGoals = t.Column<string>(maxLength: 1000, nullable: true),
                MeetingStartUtc = t.Column<DateTime>(nullable: true),
                TimeZoneId = t.Column<string>(maxLength: 64, nullable: false),
                DurationMinutes = t.Column<int>(nullable: false),
                Mode = t.Column<int>(nullable: true),
                Place = t.Column<string>(maxLength: 300, nullable: true),
                VideoLink = t.Column<string>(maxLength: 500, nullable: true),
                CalendarSequence = t.Column<int>(nullable: false),
                ResearchNotes = t.Column<string>(maxLength: 50000, nullable: true),
                RouteChecked = t.Column<bool>(nullable: false),
                ResumeReady = t.Column<bool>(nullable: false),
                ClothesReady = t.Column<bool>(nullable: false),
                ArriveEarly = t.Column<bool>(nullable: false),
                FreeNotes = t.Column<string>(maxLength: 50000, nullable: true),
                MayContactAgain = t.Column<bool>(nullable: true),
                StartedAtUtc = t.Column<DateTime>(nullable: true),
                EndedAtUtc = t.Column<DateTime>(nullable: true),
                Learned = t.Column<string>(maxLength: 10000, nullable: true),
                StillWantToKnow = t.Column<string>(maxLength: 10000, nullable: true),
                NextSteps = t.Column<string>(maxLength: 10000, nullable: true),
                FitRating = t.Column<int>(nullable: true),
                FitNote = t.Column<string>(maxLength: 10000, nullable: true),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
                UpdatedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Conversations", x => x.Id);
                t.ForeignKey("FK_Conversations_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_Conversations_Contacts_ContactId", x => x.ContactId, "Contacts", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_Conversations_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.SetNull);
            });

        m.CreateTable(
            name: "ConversationFields",
            columns: t => new
            {
                ConversationId = t.Column<int>(nullable: false),
                CareerFieldId = t.Column<int>(nullable: false),
                OwnerId = t.Column<string>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ConversationFields", x => new { x.ConversationId, x.CareerFieldId });
                t.ForeignKey("FK_ConversationFields_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_ConversationFields_CareerFields_CareerFieldId", x => x.CareerFieldId, "CareerFields", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_ConversationFields_Conversations_ConversationId", x => x.ConversationId, "Conversations", "Id", onDelete: ReferentialAction.Cascade);
            });

        m.CreateTable(
            name: "ConversationQuestions",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                OwnerId = t.Column<string>(nullable: false),
                ConversationId = t.Column<int>(nullable: false),
                Position = t.Column<int>(nullable: false),
                Source = t.Column<string>(maxLength: 60, nullable: false),
                Text = t.Column<string>(maxLength: 500, nullable: false),
                Part = t.Column<int>(nullable: false),
                Notes = t.Column<string>(maxLength: 50000, nullable: true),
                OpenQuestionId = t.Column<int>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ConversationQuestions", x => x.Id);
                t.ForeignKey("FK_ConversationQuestions_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_ConversationQuestions_Conversations_ConversationId", x => x.ConversationId, "Conversations", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_ConversationQuestions_OpenQuestions_OpenQuestionId", x => x.OpenQuestionId, "OpenQuestions", "Id", onDelete: ReferentialAction.SetNull);
            });

        m.CreateTable(
            name: "StageChanges",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                OwnerId = t.Column<string>(nullable: false),
                ConversationId = t.Column<int>(nullable: false),
                From = t.Column<int>(nullable: true),
                To = t.Column<int>(nullable: false),
                AtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_StageChanges", x => x.Id);
                t.ForeignKey("FK_StageChanges_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_StageChanges_Conversations_ConversationId", x => x.ConversationId, "Conversations", "Id", onDelete: ReferentialAction.Cascade);
            });

        m.CreateTable(
            name: "Promises",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                OwnerId = t.Column<string>(nullable: false),
                ConversationId = t.Column<int>(nullable: false),
                Text = t.Column<string>(maxLength: 500, nullable: false),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
                DoneAtUtc = t.Column<DateTime>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Promises", x => x.Id);
                t.ForeignKey("FK_Promises_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_Promises_Conversations_ConversationId", x => x.ConversationId, "Conversations", "Id", onDelete: ReferentialAction.Cascade);
            });

        m.CreateTable(
            name: "Referrals",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                OwnerId = t.Column<string>(nullable: false),
                ConversationId = t.Column<int>(nullable: false),
                ContactId = t.Column<int>(nullable: false),
                MayUseName = t.Column<int>(nullable: false),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Referrals", x => x.Id);
                t.ForeignKey("FK_Referrals_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_Referrals_Contacts_ContactId", x => x.ContactId, "Contacts", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_Referrals_Conversations_ConversationId", x => x.ConversationId, "Conversations", "Id", onDelete: ReferentialAction.Cascade);
            });

        m.CreateTable(
            name: "OwnQuestions",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                OwnerId = t.Column<string>(nullable: false),
                Text = t.Column<string>(maxLength: 500, nullable: false),
                Theme = t.Column<int>(nullable: false),
                Part = t.Column<int>(nullable: false),
                Goals = t.Column<int>(nullable: false),
                NeedsOrganization = t.Column<bool>(nullable: false),
                CopiedFromKey = t.Column<string>(maxLength: 80, nullable: true),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
                UpdatedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_OwnQuestions", x => x.Id);
                t.ForeignKey("FK_OwnQuestions_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        m.CreateTable(
            name: "HiddenQuestions",
            columns: t => new
            {
                OwnerId = t.Column<string>(nullable: false),
                Key = t.Column<string>(maxLength: 80, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_HiddenQuestions", x => new { x.OwnerId, x.Key });
                t.ForeignKey("FK_HiddenQuestions_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        m.CreateTable(
            name: "CalendarFeeds",
            columns: t => new
            {
                OwnerId = t.Column<string>(nullable: false),
                TokenHash = t.Column<string>(maxLength: 64, nullable: false),
                IncludeDetails = t.Column<bool>(nullable: false),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_CalendarFeeds", x => x.OwnerId);
                t.ForeignKey("FK_CalendarFeeds_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        m.CreateIndex("IX_CalendarFeeds_TokenHash", "CalendarFeeds", "TokenHash", unique: true);
        m.CreateIndex("IX_ConversationFields_CareerFieldId", "ConversationFields", "CareerFieldId");
        m.CreateIndex("IX_ConversationFields_OwnerId", "ConversationFields", "OwnerId");
        m.CreateIndex("IX_ConversationQuestions_ConversationId_Position", "ConversationQuestions", ["ConversationId", "Position"]);
        m.CreateIndex("IX_ConversationQuestions_OpenQuestionId", "ConversationQuestions", "OpenQuestionId");
        m.CreateIndex("IX_ConversationQuestions_OwnerId", "ConversationQuestions", "OwnerId");
        m.CreateIndex("IX_Conversations_ContactId", "Conversations", "ContactId");
        m.CreateIndex("IX_Conversations_OrganizationId", "Conversations", "OrganizationId");
        m.CreateIndex("IX_Conversations_OwnerId_MeetingStartUtc", "Conversations", ["OwnerId", "MeetingStartUtc"]);
        m.CreateIndex("IX_Conversations_OwnerId_Stage", "Conversations", ["OwnerId", "Stage"]);
        m.CreateIndex("IX_OwnQuestions_OwnerId", "OwnQuestions", "OwnerId");
        m.CreateIndex("IX_Promises_ConversationId", "Promises", "ConversationId");
        m.CreateIndex("IX_Promises_OwnerId", "Promises", "OwnerId");
        m.CreateIndex("IX_Referrals_ContactId", "Referrals", "ContactId");
        m.CreateIndex("IX_Referrals_ConversationId", "Referrals", "ConversationId");
        m.CreateIndex("IX_Referrals_OwnerId", "Referrals", "OwnerId");
        m.CreateIndex("IX_StageChanges_ConversationId", "StageChanges", "ConversationId");
        m.CreateIndex("IX_StageChanges_OwnerId", "StageChanges", "OwnerId");
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Rapport does not migrate down; restore a backup instead.");
}

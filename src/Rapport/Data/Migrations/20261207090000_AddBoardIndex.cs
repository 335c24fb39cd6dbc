using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Rapport.Data.Migrations;

/// <summary>The board shows the fifty latest moves of each stage: with the time of the move in the index of
/// conversations by stage, each column is read in order and stops at fifty, however many the stage holds
/// (decision record 018). It replaces the index by stage alone, which it begins with.</summary>
[DbContext(typeof(RapportDb))]
[Migration("20261207090000_AddBoardIndex")]
public sealed class AddBoardIndex : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.DropIndex("IX_Conversations_OwnerId_Stage", "Conversations");
        m.CreateIndex("IX_Conversations_OwnerId_Stage_StageChangedAtUtc", "Conversations", ["OwnerId", "Stage", "StageChangedAtUtc"]);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_Conversations_OwnerId_Stage_StageChangedAtUtc", "Conversations");
        m.CreateIndex("IX_Conversations_OwnerId_Stage", "Conversations", ["OwnerId", "Stage"]);
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Rapport.Data.Migrations;

/// <summary>A stage change keeps the meeting time it replaced and says whether it undid the change before it, so the
/// last move can be undone with the history kept. Existing changes are plain moves.</summary>
[DbContext(typeof(RapportDb))]
[Migration("20261206100000_AddStageUndo")]
public sealed class AddStageUndo : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<DateTime>("MeetingStartBeforeUtc", "StageChanges", nullable: true);
        m.AddColumn<bool>("IsUndo", "StageChanges", nullable: false, defaultValue: false);
    }

    protected override void Down(MigrationBuilder m)
    {
        // As in AddDateStyle: SQLite drops a plain column itself, EF would need a model snapshot to do it.
        foreach (var column in new[] { "IsUndo", "MeetingStartBeforeUtc" })
        {
            if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite") m.Sql($"ALTER TABLE \"StageChanges\" DROP COLUMN \"{column}\";");
            else m.DropColumn(column, "StageChanges");
        }
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Rapport.Data.Migrations;

/// <summary>How each person reads dates: the order of a date and a 12- or 24-hour clock. Empty until their
/// next sign-in, which fills them from the browser's language.</summary>
[DbContext(typeof(RapportDb))]
[Migration("20261206130000_AddDateStyle")]
public sealed class AddDateStyle : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<int>("DateOrder", "AspNetUsers", nullable: true);
        m.AddColumn<bool>("TwentyFourHourClock", "AspNetUsers", nullable: true);
    }

    protected override void Down(MigrationBuilder m)
    {
        // EF drops a column on SQLite only by rebuilding the table from a model snapshot, which we do not keep;
        // SQLite (3.35 and later) drops a plain column itself.
        foreach (var column in new[] { "TwentyFourHourClock", "DateOrder" })
        {
            if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite") m.Sql($"ALTER TABLE \"AspNetUsers\" DROP COLUMN \"{column}\";");
            else m.DropColumn(column, "AspNetUsers");
        }
    }
}

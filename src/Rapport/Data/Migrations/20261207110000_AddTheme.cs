using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Rapport.Data.Migrations;

/// <summary>Each person's light or dark look; everyone starts with their device's setting (0).</summary>
[DbContext(typeof(RapportDb))]
[Migration("20261207110000_AddTheme")]
public sealed class AddTheme : Migration
{
    protected override void Up(MigrationBuilder m) =>
        m.AddColumn<int>("Theme", "AspNetUsers", nullable: false, defaultValue: 0);

    protected override void Down(MigrationBuilder m)
    {
        // SQLite (3.35 and later) drops a plain column itself; EF would need a model snapshot we do not keep.
        if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite") m.Sql("ALTER TABLE \"AspNetUsers\" DROP COLUMN \"Theme\";");
        else m.DropColumn("Theme", "AspNetUsers");
    }
}

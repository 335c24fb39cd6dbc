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
        m.DropColumn("TwentyFourHourClock", "AspNetUsers");
        m.DropColumn("DateOrder", "AspNetUsers");
    }
}

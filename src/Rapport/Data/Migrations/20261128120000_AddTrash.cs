using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Rapport.Data.Migrations;

/// <summary>Deleted contacts and conversations go to the trash for 30 days: they carry the time they were deleted.</summary>
[DbContext(typeof(RapportDb))]
[Migration("20261128120000_AddTrash")]
public sealed class AddTrash : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<DateTime>("DeletedAtUtc", "Contacts", nullable: true);
        m.AddColumn<DateTime>("DeletedAtUtc", "Conversations", nullable: true);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropColumn("DeletedAtUtc", "Conversations");
        m.DropColumn("DeletedAtUtc", "Contacts");
    }
}

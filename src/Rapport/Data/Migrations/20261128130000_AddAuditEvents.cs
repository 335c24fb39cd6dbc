using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Rapport.Data.Migrations;

/// <summary>Account activity: one row per sign-in, lockout, password change, feed renewal, export,
/// import or refused address, read newest first per account.</summary>
[DbContext(typeof(RapportDb))]
[Migration("20261128130000_AddAuditEvents")]
public sealed class AddAuditEvents : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable(
            name: "AuditEvents",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                OwnerId = t.Column<string>(nullable: false),
                AtUtc = t.Column<DateTime>(nullable: false),
                Kind = t.Column<int>(nullable: false),
                Detail = t.Column<string>(maxLength: 200, nullable: true),
                ClientAddress = t.Column<string>(maxLength: 45, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_AuditEvents", x => x.Id);
                t.ForeignKey("FK_AuditEvents_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        m.CreateIndex("IX_AuditEvents_OwnerId_AtUtc", "AuditEvents", ["OwnerId", "AtUtc"]);
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("AuditEvents");
}

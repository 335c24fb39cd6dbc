using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Rapport.Data.Migrations;

/// <summary>Contacts' pictures from imported vCards, one a contact, in their own table so a contact's row stays small.</summary>
[DbContext(typeof(RapportDb))]
[Migration("20261206120100_AddContactPhotos")]
public sealed class AddContactPhotos : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable(
            name: "ContactPhotos",
            columns: t => new
            {
                ContactId = t.Column<int>(nullable: false),
                OwnerId = t.Column<string>(nullable: false),
                ContentType = t.Column<string>(maxLength: 20, nullable: false),
                Bytes = t.Column<byte[]>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ContactPhotos", x => x.ContactId);
                t.ForeignKey("FK_ContactPhotos_AspNetUsers_OwnerId", x => x.OwnerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_ContactPhotos_Contacts_ContactId", x => x.ContactId, "Contacts", "Id", onDelete: ReferentialAction.Cascade);
            });
        m.CreateIndex("IX_ContactPhotos_OwnerId", "ContactPhotos", "OwnerId");
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("ContactPhotos");
}

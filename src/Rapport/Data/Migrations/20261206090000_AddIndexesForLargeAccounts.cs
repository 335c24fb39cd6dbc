using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Rapport.Data.Migrations;

/// <summary>Pages whose work does not grow with the account (decision record 014): the people list's index ends with the
/// id, so a page starts where the last one ended and reads fifty entries whatever its depth; and so does the index of
/// contacts by when they were added, since an import gives thousands of them the same time.</summary>
[DbContext(typeof(RapportDb))]
[Migration("20261206090000_AddIndexesForLargeAccounts")]
public sealed class AddIndexesForLargeAccounts : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.DropIndex("IX_Contacts_OwnerId_SearchKey", "Contacts");
        m.CreateIndex("IX_Contacts_OwnerId_SearchKey_Id", "Contacts", ["OwnerId", "SearchKey", "Id"]);
        m.DropIndex("IX_Contacts_OwnerId_CreatedAtUtc", "Contacts");
        m.CreateIndex("IX_Contacts_OwnerId_CreatedAtUtc_Id", "Contacts", ["OwnerId", "CreatedAtUtc", "Id"]);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_Contacts_OwnerId_CreatedAtUtc_Id", "Contacts");
        m.CreateIndex("IX_Contacts_OwnerId_CreatedAtUtc", "Contacts", ["OwnerId", "CreatedAtUtc"]);
        m.DropIndex("IX_Contacts_OwnerId_SearchKey_Id", "Contacts");
        m.CreateIndex("IX_Contacts_OwnerId_SearchKey", "Contacts", ["OwnerId", "SearchKey"]);
    }
}

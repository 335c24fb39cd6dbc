using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Rapport.Data.Migrations;

/// <summary>A version on every row edited through a form (see <c>IVersioned</c>); existing rows start at 1.</summary>
[DbContext(typeof(RapportDb))]
[Migration("20261128110000_AddEditVersions")]
public sealed class AddEditVersions : Migration
{
    public static readonly string[] Tables =
        ["AspNetUsers", "Contacts", "Organizations", "CareerFields", "OpenQuestions", "Conversations", "OwnQuestions", "OwnTemplates", "FollowUpTasks"];

    protected override void Up(MigrationBuilder m)
    {
        foreach (var table in Tables) m.AddColumn<int>("Version", table, nullable: false, defaultValue: 1);
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in Tables) m.DropColumn("Version", table);
    }
}

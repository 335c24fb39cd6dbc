using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Rapport.Data.Migrations;

/// <summary>Which template each message was written from, so the insights can say which ones get answers.
/// Messages logged before have none, and count under "no template".</summary>
[DbContext(typeof(RapportDb))]
[Migration("20261207120000_RecordMessageTemplate")]
public sealed class RecordMessageTemplate : Migration
{
    protected override void Up(MigrationBuilder m) =>
        m.AddColumn<string>("TemplateKey", "OutreachAttempts", maxLength: 100, nullable: true);

    protected override void Down(MigrationBuilder m)
    {
        // SQLite (3.35 and later) drops a plain column itself; EF would need a model snapshot it does not have.
        if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite") m.Sql("ALTER TABLE \"OutreachAttempts\" DROP COLUMN \"TemplateKey\";");
        else m.DropColumn("TemplateKey", "OutreachAttempts");
    }
}

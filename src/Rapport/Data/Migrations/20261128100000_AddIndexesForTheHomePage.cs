using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Rapport.Data.Migrations;

/// <summary>The home page at 30,000 contacts and 20,000 tasks: the index of open follow-up tasks also holds
/// the snooze and its filter's columns, so overdue tasks are counted from the index alone (3.5 ms to 0.3 ms);
/// and contacts by when they were added, so the newest five are read from its end instead of sorting everyone.</summary>
[DbContext(typeof(RapportDb))]
[Migration("20261128100000_AddIndexesForTheHomePage")]
public sealed class AddIndexesForTheHomePage : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.DropIndex(OutreachModel.OpenTasksIndex, "FollowUpTasks");
        m.CreateIndex(OutreachModel.OpenTasksIndex, "FollowUpTasks", ["OwnerId", "DueUtc", "SnoozedUntilUtc", "DoneAtUtc", "DismissedAtUtc"],
            filter: OutreachModel.OpenTasksFilter);
        m.CreateIndex("IX_Contacts_OwnerId_CreatedAtUtc", "Contacts", ["OwnerId", "CreatedAtUtc"]);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_Contacts_OwnerId_CreatedAtUtc", "Contacts");
        m.DropIndex(OutreachModel.OpenTasksIndex, "FollowUpTasks");
        m.CreateIndex(OutreachModel.OpenTasksIndex, "FollowUpTasks", ["OwnerId", "DueUtc"], filter: OutreachModel.OpenTasksFilter);
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Rapport.Data.Migrations;

/// <summary>Indexes for networks of tens of thousands: open follow-up tasks only (done ones pile up over a
/// long search), snoozed open tasks, and organizations by status (the people list's filter names the sorted
/// ones, not the thousands an import brings).</summary>
[DbContext(typeof(RapportDb))]
[Migration("20261128090000_AddIndexesForLargeNetworks")]
public sealed class AddIndexesForLargeNetworks : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.DropIndex("IX_FollowUpTasks_OwnerId_DueUtc", "FollowUpTasks");
        m.CreateIndex(OutreachModel.OpenTasksIndex, "FollowUpTasks", ["OwnerId", "DueUtc"], filter: OutreachModel.OpenTasksFilter);
        m.CreateIndex(OutreachModel.SnoozedTasksIndex, "FollowUpTasks", ["OwnerId", "SnoozedUntilUtc"],
            filter: "\"SnoozedUntilUtc\" IS NOT NULL AND " + OutreachModel.OpenTasksFilter);
        m.CreateIndex("IX_Organizations_OwnerId_Status", "Organizations", ["OwnerId", "Status"]);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_Organizations_OwnerId_Status", "Organizations");
        m.DropIndex(OutreachModel.SnoozedTasksIndex, "FollowUpTasks");
        m.DropIndex(OutreachModel.OpenTasksIndex, "FollowUpTasks");
        m.CreateIndex("IX_FollowUpTasks_OwnerId_DueUtc", "FollowUpTasks", ["OwnerId", "DueUtc"]);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Rapport.Data;

/// <summary>The context as dotnet-ef builds it (drafting a migration, has-pending-model-changes), without starting the
/// app: on SQLite, so the model snapshot holds SQLite's column types. PostgreSQL's are kept right by the drift tests
/// (decision record 002). No database is opened.</summary>
public sealed class DesignTimeDb : IDesignTimeDbContextFactory<RapportDb>
{
    public RapportDb CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<RapportDb>().UseSqlite("Data Source=design-time.db").Options,
        new CurrentOwner(new HttpContextAccessor()));
}

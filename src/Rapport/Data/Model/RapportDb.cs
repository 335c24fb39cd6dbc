using System.Linq.Expressions;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Rapport.Domain;

namespace Rapport.Data;

public partial class RapportDb(DbContextOptions<RapportDb> options, CurrentOwner owner, RuleFactChanges? ruleFactChanges = null)
    : IdentityUserContext<RapportUser>(options)
{
    public const string OwnerFilter = "Owner";

    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<ContactEmail> ContactEmails => Set<ContactEmail>();
    public DbSet<ContactPhone> ContactPhones => Set<ContactPhone>();
    public DbSet<ContactPhoto> ContactPhotos => Set<ContactPhoto>();
    public DbSet<ContactTag> ContactTags => Set<ContactTag>();
    public DbSet<ContactField> ContactFields => Set<ContactField>();
    public DbSet<ContactEvent> ContactEvents => Set<ContactEvent>();
    public DbSet<PastPosition> PastPositions => Set<PastPosition>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<OrganizationField> OrganizationFields => Set<OrganizationField>();
    public DbSet<CareerField> CareerFields => Set<CareerField>();
    public DbSet<CareerFieldLink> CareerFieldLinks => Set<CareerFieldLink>();
    public DbSet<OpenQuestion> OpenQuestions => Set<OpenQuestion>();
    public DbSet<PendingImport> PendingImports => Set<PendingImport>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<ConversationField> ConversationFields => Set<ConversationField>();
    public DbSet<ConversationQuestion> ConversationQuestions => Set<ConversationQuestion>();
    public DbSet<StageChange> StageChanges => Set<StageChange>();
    public DbSet<Promise> Promises => Set<Promise>();
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<OwnQuestion> OwnQuestions => Set<OwnQuestion>();
    public DbSet<HiddenQuestion> HiddenQuestions => Set<HiddenQuestion>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<OwnTemplate> OwnTemplates => Set<OwnTemplate>();
    public DbSet<OutreachAttempt> OutreachAttempts => Set<OutreachAttempt>();
    public DbSet<Reply> Replies => Set<Reply>();
    public DbSet<FollowUpTask> FollowUpTasks => Set<FollowUpTask>();
    public DbSet<TagCadence> TagCadences => Set<TagCadence>();
    public DbSet<SearchOutcome> SearchOutcomes => Set<SearchOutcome>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    /// <summary>The user whose rows queries return; read by the query filter on every query.</summary>
    public string? OwnerId => owner.Id;

    /// <summary>Set while a save adds or removes contacts (see <see cref="ContactCountInterceptor"/>).</summary>
    internal bool ContactCountChanging { get; set; }

    internal CurrentOwner Owner => owner;

    /// <summary>Whose facts of the follow-up rules this scope wrote (see <see cref="RuleFactInterceptor"/>); a
    /// context made by hand, outside the app's services, keeps its own.</summary>
    internal RuleFactChanges RuleFactChanges { get; } = ruleFactChanges ?? new RuleFactChanges();

    /// <summary>Set while a Rapport export is restored: rows keep the times they were made and changed.</summary>
    internal bool KeepsRecordedTimes { get; set; }

    /// <summary>On SQLite, keeps the connection open until the context is disposed (for a request's context, the end
    /// of the request): otherwise each query takes one from the pool and sets it up again (its settings, EF's
    /// functions), which cost a page of five queries about 0.15 ms. A server's connection is left to its pool,
    /// where holding one through the page's rendering would keep it from other requests.</summary>
    public Task HoldConnectionAsync(CancellationToken cancellationToken = default) =>
        Database.IsSqlite() ? Database.OpenConnectionAsync(cancellationToken) : Task.CompletedTask;

    // Here as well as where the context is registered: every context, however it is made, runs the same queries.
    // The app's contexts have it already; adding it again would copy their options for every context.
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        if (optionsBuilder.Options.FindExtension<CoreOptionsExtension>()?.Interceptors?.Contains(RulesInQueries.Instance) != true)
            optionsBuilder.AddInterceptors(RulesInQueries.Instance);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Stored as UTC on both providers; SQLite hands back Unspecified, so mark it UTC on the way in.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<RapportUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(RapportUser.DisplayNameMaxLength);
            user.Property(u => u.TimeZoneId).HasMaxLength(RapportUser.TimeZoneIdMaxLength);
            user.Property(u => u.SelfIntroduction).HasMaxLength(RapportUser.SelfIntroductionMaxLength);
            user.Property(u => u.Theme).HasDefaultValue(Rapport.Domain.Theme.System);
            user.Property(u => u.School).HasMaxLength(Contact.SchoolMaxLength);
            user.Property(u => u.PeopleColumns).HasMaxLength(RapportUser.PeopleColumnsMaxLength);
        });

        PeopleModel.Configure(builder, Database.IsNpgsql());
        ResearchModel.Configure(builder);
        ConversationModel.Configure(builder);
        OutreachModel.Configure(builder);

        builder.Entity<UserSession>(session => session.Property(s => s.Id).HasMaxLength(UserSession.IdLength));
        builder.Entity<PendingImport>(import => import.Property(i => i.FileName).HasMaxLength(PendingImport.FileNameMaxLength));
        builder.Entity<AuditEvent>(audit =>
        {
            audit.Property(a => a.Detail).HasMaxLength(AuditEvent.DetailMaxLength);
            audit.Property(a => a.ClientAddress).HasMaxLength(AuditEvent.ClientAddressMaxLength);
            audit.HasIndex(a => new { a.OwnerId, a.AtUtc });
        });

        ApplyOwnership(builder);
        ApplyTrash(builder);
        ApplyVersions(builder);
    }

    /// <summary>Every edited row carries a version the app counts up on each change (see
    /// <see cref="StampingInterceptor"/>): the same column on SQLite, which has no row version, and on
    /// PostgreSQL. Rows written in bulk by hand-written SQL start at the column's default.</summary>
    private static void ApplyVersions(ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(IVersioned).IsAssignableFrom(e.ClrType)))
            builder.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken().HasDefaultValue(1).HasSentinel(0);
    }

    /// <summary>Every owned entity gets the owner's foreign key, an index on it, and the named owner
    /// filter: one mechanism instead of a Where in each handler.</summary>
    private void ApplyOwnership(ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(IOwned).IsAssignableFrom(e.ClrType)))
        {
            var type = entity.ClrType;
            // A concurrency token too: every UPDATE and DELETE then says "and OwnerId = me", so even a
            // hand-attached row with a foreign id changes nothing.
            builder.Entity(type).Property(nameof(IOwned.OwnerId)).IsRequired().IsConcurrencyToken();
            builder.Entity(type).HasOne(typeof(RapportUser)).WithMany()
                .HasForeignKey(nameof(IOwned.OwnerId)).OnDelete(DeleteBehavior.Cascade);

            var row = Expression.Parameter(type, "row");
            var rowOwner = Expression.Property(row, nameof(IOwned.OwnerId));
            var currentOwner = Expression.Property(Expression.Constant(this), nameof(OwnerId));
            var filter = Expression.Lambda(Expression.Equal(rowOwner, currentOwner), row);
            builder.Entity(type).HasQueryFilter(OwnerFilter, filter);
        }
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

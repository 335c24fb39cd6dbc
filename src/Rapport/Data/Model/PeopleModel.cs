using Microsoft.EntityFrameworkCore;
using Rapport.Domain;

namespace Rapport.Data;

/// <summary>Contacts and what hangs off them.</summary>
internal static class PeopleModel
{
    public static void Configure(ModelBuilder builder, bool isPostgres)
    {
        builder.Entity<Contact>(contact =>
        {
            contact.Property(c => c.FirstName).HasMaxLength(Contact.NameMaxLength);
            contact.Property(c => c.LastName).HasMaxLength(Contact.NameMaxLength);
            contact.Property(c => c.Title).HasMaxLength(Contact.TitleMaxLength);
            contact.Property(c => c.City).HasMaxLength(Contact.CityMaxLength);
            contact.Property(c => c.AlumniOf).HasMaxLength(Contact.SchoolMaxLength);
            contact.Property(c => c.LinkedInUrl).HasMaxLength(Contact.UrlMaxLength);
            contact.Property(c => c.LinkedInCompany).HasMaxLength(Organization.NameMaxLength);
            contact.Property(c => c.LinkedInPosition).HasMaxLength(Contact.TitleMaxLength);
            contact.Property(c => c.Notes).HasMaxLength(Contact.NotesMaxLength);
            contact.Property(c => c.SearchKey).HasMaxLength(Contact.SearchKeyMaxLength);
            // With the id, the people list's pages start where the last one ended (keyset) without a sort, on both databases.
            contact.HasIndex(c => new { c.OwnerId, c.SearchKey, c.Id });
            // The people table's other sorts, each read from its own index in the same way: the key, then the name and
            // the id, so equal keys (thousands at "Normal" priority) page on by name from where the last page ended.
            contact.Property(c => c.OrganizationKey).HasMaxLength(Organization.NameMaxLength);
            contact.HasIndex(c => new { c.OwnerId, c.OrganizationKey, c.SearchKey, c.Id });
            contact.HasIndex(c => new { c.OwnerId, c.Source, c.SearchKey, c.Id });
            contact.HasIndex(c => new { c.OwnerId, c.LatestStage, c.SearchKey, c.Id });
            contact.HasIndex(c => new { c.OwnerId, c.LastContactedOn, c.SearchKey, c.Id });
            contact.HasIndex(c => new { c.OwnerId, c.NextTaskDueUtc, c.SearchKey, c.Id });
            contact.HasIndex(c => new { c.OwnerId, c.Priority, c.SearchKey, c.Id });
            contact.HasIndex(c => new { c.OwnerId, c.LinkedInUrl });
            contact.HasIndex(c => new { c.OwnerId, c.Uid }).IsUnique();
            // The home page's newest contacts, read from the end of this index; with the id, since an import gives
            // thousands the same time, and PostgreSQL would otherwise sort them all to find the last five.
            // The rest makes it cover the insights' count of contacts added by month and how (30,000 rows read from the
            // index alone rather than one table lookup each).
            contact.HasIndex(c => new { c.OwnerId, c.CreatedAtUtc, c.Id, c.DeletedAtUtc, c.ReferredById, c.Source, c.Imported })
                .HasDatabaseName("IX_Contacts_OwnerId_CreatedAtUtc_Id_Covering");
            contact.HasOne(c => c.Organization).WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.SetNull);
            // The referral tree's few referred contacts, found without reading the rest of the account.
            contact.HasIndex(c => new { c.OwnerId, c.ReferredById });
            contact.Property(c => c.Imported).HasDefaultValue(false);
            contact.HasOne(c => c.ReferredBy).WithMany().HasForeignKey(c => c.ReferredById).OnDelete(DeleteBehavior.SetNull);
            contact.HasMany(c => c.Emails).WithOne().HasForeignKey(e => e.ContactId).OnDelete(DeleteBehavior.Cascade);
            contact.HasMany(c => c.Phones).WithOne().HasForeignKey(p => p.ContactId).OnDelete(DeleteBehavior.Cascade);
            contact.HasMany(c => c.Tags).WithOne().HasForeignKey(t => t.ContactId).OnDelete(DeleteBehavior.Cascade);
            contact.HasMany(c => c.Fields).WithOne().HasForeignKey(f => f.ContactId).OnDelete(DeleteBehavior.Cascade);
            contact.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.ContactId).OnDelete(DeleteBehavior.Cascade);
            contact.HasOne(c => c.Photo).WithOne().HasForeignKey<ContactPhoto>(p => p.ContactId).OnDelete(DeleteBehavior.Cascade);
            // Full text: a trigram index lets "%term%" use the index. SQLite's counterpart is an FTS5
            // table kept by triggers (see the migration), which the model cannot describe.
            if (isPostgres) contact.HasIndex(c => c.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
        });
        if (isPostgres) builder.HasPostgresExtension("pg_trgm");

        builder.Entity<ContactEmail>(email =>
        {
            email.Property(e => e.Address).HasMaxLength(ContactEmail.AddressMaxLength);
            email.Property(e => e.NormalizedAddress).HasMaxLength(ContactEmail.AddressMaxLength);
            email.Property(e => e.Label).HasMaxLength(ContactEmail.LabelMaxLength);
            email.HasIndex(e => new { e.OwnerId, e.NormalizedAddress });
        });
        builder.Entity<ContactPhone>(phone =>
        {
            phone.Property(p => p.Number).HasMaxLength(ContactPhone.NumberMaxLength);
            phone.Property(p => p.Label).HasMaxLength(ContactEmail.LabelMaxLength);
        });
        builder.Entity<ContactPhoto>(photo =>
        {
            // One photo a contact: the contact's id is the key, so it is found without an index of its own.
            photo.HasKey(p => p.ContactId);
            photo.Property(p => p.ContactId).ValueGeneratedNever();
            photo.Property(p => p.ContentType).HasMaxLength(ContactPhoto.ContentTypeMaxLength);
        });
        builder.Entity<ContactTag>(tag =>
        {
            tag.Property(t => t.Name).HasMaxLength(ContactTag.NameMaxLength);
            tag.Property(t => t.NormalizedName).HasMaxLength(ContactTag.NameMaxLength);
            tag.HasIndex(t => new { t.ContactId, t.NormalizedName }).IsUnique();
            tag.HasIndex(t => new { t.OwnerId, t.NormalizedName });
        });
        builder.Entity<ContactField>(field =>
        {
            field.HasKey(f => new { f.ContactId, f.CareerFieldId });
            field.HasOne(f => f.CareerField).WithMany().HasForeignKey(f => f.CareerFieldId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<ContactEvent>(e =>
        {
            e.Property(x => x.Text).HasMaxLength(ContactEvent.TextMaxLength);
            e.HasIndex(x => new { x.ContactId, x.OccurredAtUtc });
        });
        builder.Entity<PastPosition>(p =>
        {
            p.Property(x => x.OrganizationName).HasMaxLength(Organization.NameMaxLength);
            p.Property(x => x.OrganizationKey).HasMaxLength(Organization.NameMaxLength);
            p.Property(x => x.Title).HasMaxLength(Contact.TitleMaxLength);
            p.HasOne(x => x.Contact).WithMany(c => c.PastPositions).HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Cascade);
            // "Who worked at X": the organization's page looks its name up here.
            p.HasIndex(x => new { x.OwnerId, x.OrganizationKey });
            p.HasIndex(x => x.ContactId);
        });
    }
}

using Microsoft.EntityFrameworkCore;
using Rapport.Domain;

namespace Rapport.Data;

/// <summary>Career fields and organizations.</summary>
internal static class ResearchModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Organization>(organization =>
        {
            organization.Property(o => o.Name).HasMaxLength(Organization.NameMaxLength);
            organization.Property(o => o.NormalizedName).HasMaxLength(Organization.NameMaxLength);
            organization.Property(o => o.Website).HasMaxLength(Organization.WebsiteMaxLength);
            organization.Property(o => o.City).HasMaxLength(Organization.CityMaxLength);
            organization.Property(o => o.Notes).HasMaxLength(Organization.NotesMaxLength);
            organization.HasIndex(o => new { o.OwnerId, o.NormalizedName }).IsUnique();
            organization.HasIndex(o => new { o.OwnerId, o.Status });
            organization.HasMany(o => o.Fields).WithOne().HasForeignKey(f => f.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<OrganizationField>(field =>
        {
            field.HasKey(f => new { f.OrganizationId, f.CareerFieldId });
            field.HasOne(f => f.CareerField).WithMany().HasForeignKey(f => f.CareerFieldId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<CareerField>(field =>
        {
            field.Property(f => f.Name).HasMaxLength(CareerField.NameMaxLength);
            field.Property(f => f.NormalizedName).HasMaxLength(CareerField.NameMaxLength);
            field.Property(f => f.Description).HasMaxLength(CareerField.DescriptionMaxLength);
            field.Property(f => f.Notes).HasMaxLength(CareerField.NotesMaxLength);
            field.HasIndex(f => new { f.OwnerId, f.NormalizedName }).IsUnique();
            field.HasMany(f => f.Links).WithOne().HasForeignKey(l => l.CareerFieldId).OnDelete(DeleteBehavior.Cascade);
            field.HasMany(f => f.OpenQuestions).WithOne().HasForeignKey(q => q.CareerFieldId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<CareerFieldLink>(link =>
        {
            link.Property(l => l.Url).HasMaxLength(CareerFieldLink.UrlMaxLength);
            link.Property(l => l.Label).HasMaxLength(CareerFieldLink.LabelMaxLength);
        });
        builder.Entity<OpenQuestion>(question =>
        {
            question.Property(q => q.Text).HasMaxLength(OpenQuestion.TextMaxLength);
            question.Property(q => q.Answer).HasMaxLength(OpenQuestion.AnswerMaxLength);
            question.Property(q => q.AnswerSource).HasMaxLength(OpenQuestion.SourceMaxLength);
        });
    }
}

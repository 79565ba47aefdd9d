using Burgerbegroting.Data.Editions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Burgerbegroting.Data.Ideas;

public class IdeaConfiguration : IEntityTypeConfiguration<Idea>
{
    public void Configure(EntityTypeBuilder<Idea> builder)
    {
        builder.Property(i => i.Title).HasMaxLength(Idea.TitleMax);
        builder.Property(i => i.Summary).HasMaxLength(Idea.SummaryMax);
        builder.Property(i => i.Description).HasMaxLength(Idea.DescriptionMax);
        builder.Property(i => i.SubmitterId).HasMaxLength(450);
        builder.Property(i => i.ReviewReason).HasMaxLength(64);
        builder.Property(i => i.ReviewNote).HasMaxLength(2000);
        builder.Property(i => i.HiddenReason).HasMaxLength(1000);
        builder.HasOne<Edition>().WithMany().HasForeignKey(i => i.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.Theme).WithMany().HasForeignKey(i => i.ThemeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Buurt).WithMany().HasForeignKey(i => i.BuurtId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Submitter).WithMany().HasForeignKey(i => i.SubmitterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.EditionId, i.ThemeId, i.Status });
        builder.HasIndex(i => i.SubmitterId);
    }
}

public class IdeaReportConfiguration : IEntityTypeConfiguration<IdeaReport>
{
    public void Configure(EntityTypeBuilder<IdeaReport> builder)
    {
        builder.Property(r => r.ReporterId).HasMaxLength(450);
        builder.Property(r => r.Reason).HasMaxLength(1000);
        builder.HasOne(r => r.Idea).WithMany().HasForeignKey(r => r.IdeaId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.HandledAt, r.CreatedAt });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Burgerbegroting.Data.Editions;

public class PublishedFileConfiguration : IEntityTypeConfiguration<PublishedFile>
{
    public void Configure(EntityTypeBuilder<PublishedFile> builder)
    {
        builder.Property(f => f.Name).HasMaxLength(100);
        builder.Property(f => f.Source).HasMaxLength(64);
        builder.Property(f => f.ContentType).HasMaxLength(100);
        builder.Property(f => f.FileName).HasMaxLength(400);
        builder.Property(f => f.Hash).HasMaxLength(64);
        // One file per round, name and source, however many instances build it at the same moment.
        builder.HasIndex(f => new { f.RoundId, f.Name, f.Source }).IsUnique();
        builder.HasOne<Round>().WithMany().HasForeignKey(f => f.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Burgerbegroting.Data.Audit;

public class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.ActorId).HasMaxLength(450);
        builder.Property(a => a.ActorName).HasMaxLength(256);
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.SubjectType).HasMaxLength(64);
        builder.Property(a => a.SubjectId).HasMaxLength(64);
        builder.Property(a => a.Details).HasMaxLength(4000);
        builder.HasIndex(a => a.At);
    }
}

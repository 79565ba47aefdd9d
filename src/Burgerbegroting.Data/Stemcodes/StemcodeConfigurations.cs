using Burgerbegroting.Data.Editions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Burgerbegroting.Data.Stemcodes;

public class VotingCodeConfiguration : IEntityTypeConfiguration<VotingCode>
{
    public void Configure(EntityTypeBuilder<VotingCode> builder)
    {
        builder.Property(c => c.Hash).HasMaxLength(32);
        builder.Property(c => c.VoterId).HasMaxLength(36);
        builder.Property(c => c.Buurt).HasMaxLength(100);
        builder.Property(c => c.Postcode).HasMaxLength(6);
        builder.Property(c => c.HouseNumber).HasMaxLength(20);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.AccountId).HasMaxLength(450);
        // A typed code is found by its hash; no two codes share one.
        builder.HasIndex(c => c.Hash).IsUnique();
        builder.HasIndex(c => c.VoterId).IsUnique();
        // One code per account in an edition. Codes without an account (NULL) do not clash: SQLite and PostgreSQL let
        // NULLs repeat in a unique index, and on SQL Server EF Core filters them out of the index.
        builder.HasIndex(c => new { c.EditionId, c.AccountId }).IsUnique();
        builder.HasIndex(c => new { c.EditionId, c.Postcode, c.HouseNumber });
        builder.HasIndex(c => new { c.BatchId, c.Index }).IsUnique();
        builder.HasOne<Edition>().WithMany().HasForeignKey(c => c.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StemcodeBatch>().WithMany().HasForeignKey(c => c.BatchId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class StemcodeBatchConfiguration : IEntityTypeConfiguration<StemcodeBatch>
{
    public void Configure(EntityTypeBuilder<StemcodeBatch> builder)
    {
        builder.Property(b => b.CreatedBy).HasMaxLength(256);
        builder.Property(b => b.ProtectedSeed).HasMaxLength(512);
        builder.HasOne<Edition>().WithMany().HasForeignKey(b => b.EditionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class StemcodeFailuresConfiguration : IEntityTypeConfiguration<StemcodeFailures>
{
    public void Configure(EntityTypeBuilder<StemcodeFailures> builder) => builder.HasKey(f => f.Hour);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Burgerbegroting.Data.Editions;

public class EditionConfiguration : IEntityTypeConfiguration<Edition>
{
    public void Configure(EntityTypeBuilder<Edition> builder)
    {
        builder.Property(e => e.Name).HasMaxLength(150);
        builder.Property(e => e.NameEn).HasMaxLength(150);
        builder.Property(e => e.Introduction).HasMaxLength(10_000);
        builder.Property(e => e.IntroductionEn).HasMaxLength(10_000);
        builder.Property(e => e.Slug).HasMaxLength(EditionSlug.MaxLength);
        builder.HasIndex(e => e.Slug).IsUnique();
        builder.HasMany(e => e.Buurten).WithOne().HasForeignKey(b => b.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Rounds).WithOne(r => r.Edition).HasForeignKey(r => r.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Themes).WithOne().HasForeignKey(t => t.EditionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class BuurtConfiguration : IEntityTypeConfiguration<Buurt>
{
    public void Configure(EntityTypeBuilder<Buurt> builder)
    {
        builder.Property(b => b.Name).HasMaxLength(100);
        builder.Property(b => b.Postcodes).HasMaxLength(4000);
        builder.HasIndex(b => new { b.EditionId, b.Name }).IsUnique();
    }
}

public class RoundConfiguration : IEntityTypeConfiguration<Round>
{
    public void Configure(EntityTypeBuilder<Round> builder)
    {
        builder.HasIndex(r => new { r.EditionId, r.Number }).IsUnique();
        builder.Property(r => r.TieResolution).HasMaxLength(2000);
    }
}

public class ThemeConfiguration : IEntityTypeConfiguration<Theme>
{
    public void Configure(EntityTypeBuilder<Theme> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.ShortDescription).HasMaxLength(300);
        builder.Property(t => t.Body).HasMaxLength(10_000);
        builder.Property(t => t.NameEn).HasMaxLength(100);
        builder.Property(t => t.ShortDescriptionEn).HasMaxLength(300);
        builder.Property(t => t.BodyEn).HasMaxLength(10_000);
        builder.HasIndex(t => new { t.EditionId, t.Name }).IsUnique();
    }
}

public class BallotConfiguration : IEntityTypeConfiguration<Ballot>
{
    public void Configure(EntityTypeBuilder<Ballot> builder)
    {
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Pseudonym).HasMaxLength(Voting.Secrecy.BallotPseudonym.Length);
        builder.Property(b => b.ReceiptCode).HasMaxLength(Voting.Secrecy.ReceiptCode.Length);
        // One ballot per participant per round (docs/qualities.md, "Integrity"), guaranteed by the database and not only by code.
        builder.HasIndex(b => new { b.RoundId, b.Pseudonym }).IsUnique();
        builder.HasIndex(b => new { b.RoundId, b.ReceiptCode }).IsUnique();
        builder.HasOne<Round>().WithMany().HasForeignKey(b => b.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(b => b.Entries).WithOne().HasForeignKey(e => e.BallotId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class BallotEntryConfiguration : IEntityTypeConfiguration<BallotEntry>
{
    public void Configure(EntityTypeBuilder<BallotEntry> builder)
    {
        builder.Property(e => e.Id).ValueGeneratedNever();
        // Rounds 1-2 have one entry per theme, round 4 one per idea; code builds entries from a dictionary keyed
        // that way. (A unique index over the nullable IdeaId would not hold for NULLs on either provider.)
        // Both cover what the close of round 4 reads: its approvals in ballot order (equal shares) and their count per
        // idea (greedy), which the IdeaId-led one answers from round 4's rows alone (other rounds have no idea).
        builder.HasIndex(e => new { e.BallotId, e.ThemeId, e.IdeaId });
        builder.HasIndex(e => e.ThemeId);
        builder.HasIndex(e => new { e.IdeaId, e.ThemeId, e.BallotId });
        builder.HasOne<Theme>().WithMany().HasForeignKey(e => e.ThemeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Ideas.Idea>().WithMany().HasForeignKey(e => e.IdeaId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class ParticipationConfiguration : IEntityTypeConfiguration<ParticipationRecord>
{
    public void Configure(EntityTypeBuilder<ParticipationRecord> builder)
    {
        // One participation per voter and round; the key, not an insertion-ordered id.
        builder.HasKey(p => new { p.RoundId, p.VoterId });
        builder.Property(p => p.VoterId).HasMaxLength(64);
        // The participation figures count a round's participations per channel and join the online ones to their
        // voters: with the channel and the voter in the index, neither reads the rows (100,000 of them in a city's round).
        builder.HasIndex(p => new { p.RoundId, p.Channel, p.VoterId });
        builder.HasOne<Round>().WithMany().HasForeignKey(p => p.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class RoundKeyConfiguration : IEntityTypeConfiguration<RoundKey>
{
    public void Configure(EntityTypeBuilder<RoundKey> builder)
    {
        builder.HasKey(k => k.RoundId);
        builder.Property(k => k.RoundId).ValueGeneratedNever();
        builder.Property(k => k.Wrapped).HasMaxLength(128);
        builder.HasOne<Round>().WithOne().HasForeignKey<RoundKey>(k => k.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class ThemeResultConfiguration : IEntityTypeConfiguration<ThemeResult>
{
    public void Configure(EntityTypeBuilder<ThemeResult> builder)
    {
        builder.HasIndex(r => new { r.RoundId, r.ThemeId }).IsUnique();
        builder.HasOne<Round>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Theme).WithMany().HasForeignKey(r => r.ThemeId).OnDelete(DeleteBehavior.Restrict);
    }
}

using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Stemcodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Burgerbegroting.Data.Events;

public class VotingEventConfiguration : IEntityTypeConfiguration<VotingEvent>
{
    public void Configure(EntityTypeBuilder<VotingEvent> builder)
    {
        builder.Property(e => e.Name).HasMaxLength(150);
        builder.Property(e => e.Place).HasMaxLength(200);
        builder.HasOne<Edition>().WithMany().HasForeignKey(e => e.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Round>().WithMany().HasForeignKey(e => e.RoundId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class EventCheckInConfiguration : IEntityTypeConfiguration<EventCheckIn>
{
    public void Configure(EntityTypeBuilder<EventCheckIn> builder)
    {
        builder.Property(c => c.AttendeeName).HasMaxLength(200);
        builder.Property(c => c.AttendeePostcode).HasMaxLength(6);
        builder.Property(c => c.By).HasMaxLength(256);
        // A code checks in once per round, at whichever event.
        builder.HasIndex(c => new { c.RoundId, c.VotingCodeId }).IsUnique();
        builder.HasOne<VotingEvent>().WithMany().HasForeignKey(c => c.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<VotingCode>().WithMany().HasForeignKey(c => c.VotingCodeId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class PaperSheetConfiguration : IEntityTypeConfiguration<PaperSheet>
{
    public void Configure(EntityTypeBuilder<PaperSheet> builder)
    {
        builder.Property(s => s.Marks).HasMaxLength(4000);
        builder.Property(s => s.BallotVoterId).HasMaxLength(36);
        builder.Property(s => s.DecidedBy).HasMaxLength(256);
        builder.HasIndex(s => new { s.EventId, s.Number }).IsUnique();
        builder.HasIndex(s => new { s.RoundId, s.Status });
        builder.HasOne<VotingEvent>().WithMany().HasForeignKey(s => s.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Entries).WithOne().HasForeignKey(e => e.SheetId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class SheetEntryConfiguration : IEntityTypeConfiguration<SheetEntry>
{
    public void Configure(EntityTypeBuilder<SheetEntry> builder)
    {
        builder.Property(e => e.TypistId).HasMaxLength(450);
        builder.Property(e => e.TypistName).HasMaxLength(256);
        builder.Property(e => e.Marks).HasMaxLength(4000);
        // Two entries per sheet, by two different typists: the database holds both rules, not only the code.
        builder.HasIndex(e => new { e.SheetId, e.Position }).IsUnique();
        builder.HasIndex(e => new { e.SheetId, e.TypistId }).IsUnique();
    }
}

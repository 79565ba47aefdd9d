using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Audit;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Email;
using Burgerbegroting.Data.Events;
using Burgerbegroting.Data.Ideas;
using Burgerbegroting.Data.Stemcodes;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Data;

public class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    /// <summary>The data-protection key ring (cookies, confirmation and reset tokens), shared by every app instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Edition> Editions => Set<Edition>();
    public DbSet<Buurt> Buurten => Set<Buurt>();
    public DbSet<Round> Rounds => Set<Round>();
    public DbSet<Theme> Themes => Set<Theme>();
    public DbSet<Ballot> Ballots => Set<Ballot>();
    public DbSet<BallotEntry> BallotEntries => Set<BallotEntry>();
    public DbSet<ParticipationRecord> Participations => Set<ParticipationRecord>();
    public DbSet<RoundKey> RoundKeys => Set<RoundKey>();
    public DbSet<PublishedFile> PublishedFiles => Set<PublishedFile>();
    public DbSet<ThemeResult> ThemeResults => Set<ThemeResult>();
    public DbSet<Idea> Ideas => Set<Idea>();
    public DbSet<IdeaReport> IdeaReports => Set<IdeaReport>();
    public DbSet<IdeaResult> IdeaResults => Set<IdeaResult>();
    public DbSet<VotingCode> VotingCodes => Set<VotingCode>();
    public DbSet<StemcodeBatch> StemcodeBatches => Set<StemcodeBatch>();
    public DbSet<StemcodeFailures> StemcodeFailures => Set<StemcodeFailures>();
    public DbSet<VotingEvent> VotingEvents => Set<VotingEvent>();
    public DbSet<EventCheckIn> EventCheckIns => Set<EventCheckIn>();
    public DbSet<PaperSheet> PaperSheets => Set<PaperSheet>();
    public DbSet<SheetEntry> SheetEntries => Set<SheetEntry>();

    /// <summary>The name EF Core gives the SQL Server provider (<c>Database.ProviderName</c>).</summary>
    public const string SqlServerProvider = "Microsoft.EntityFrameworkCore.SqlServer";

    /// <summary>
    /// On SQL Server: a collation that compares strings by their code points, as SQLite and PostgreSQL do. SQL Server's
    /// usual default (case- and sometimes accent-insensitive) would make its unique indexes refuse values that the
    /// other two accept, e.g. "Straße" next to "Strasse".
    /// </summary>
    public const string SqlServerBinaryCollation = "Latin1_General_100_BIN2";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Identity leaves these key columns unbounded; 128 is what its own SQL Server templates use, and keeps
        // the composite keys within SQL Server's index key limits.
        builder.Entity<IdentityUserLogin<string>>(b =>
        {
            b.Property(l => l.LoginProvider).HasMaxLength(128);
            b.Property(l => l.ProviderKey).HasMaxLength(128);
        });
        builder.Entity<IdentityUserToken<string>>(b =>
        {
            b.Property(t => t.LoginProvider).HasMaxLength(128);
            b.Property(t => t.Name).HasMaxLength(128);
        });
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        if (Database.ProviderName == SqlServerProvider)
        {
            UseBinaryCollationForIndexedStrings(builder);
        }
    }

    /// <summary>
    /// Indexed strings (names unique per edition, Identity's normalised user names, e-mails and role names) compare
    /// byte for byte on every provider; case-insensitive rules live in code (Identity's normalisation, the name
    /// checks), so they are the same everywhere. Key and foreign-key columns keep the default: a foreign key needs
    /// the collation of the key it points to, and they hold generated ids.
    /// </summary>
    private static void UseBinaryCollationForIndexedStrings(ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            var indexed = entity.GetIndexes().SelectMany(i => i.Properties)
                .Where(p => p.ClrType == typeof(string) && !p.IsKey() && !p.IsForeignKey())
                .Distinct();
            foreach (var property in indexed)
            {
                property.SetCollation(SqlServerBinaryCollation);
            }
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        AuditEntry.RejectChanges(ChangeTracker);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        AuditEntry.RejectChanges(ChangeTracker);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}

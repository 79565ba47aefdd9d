using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Data.Audit;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Email;
using Burgerbegroting.Data.Ideas;
using Burgerbegroting.Data.Protection;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Data;

public class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Edition> Editions => Set<Edition>();
    public DbSet<Buurt> Buurten => Set<Buurt>();
    public DbSet<Round> Rounds => Set<Round>();
    public DbSet<Theme> Themes => Set<Theme>();
    public DbSet<Ballot> Ballots => Set<Ballot>();
    public DbSet<BallotEntry> BallotEntries => Set<BallotEntry>();
    public DbSet<ThemeResult> ThemeResults => Set<ThemeResult>();
    public DbSet<Idea> Ideas => Set<Idea>();
    public DbSet<IdeaReport> IdeaReports => Set<IdeaReport>();
    public DbSet<IdeaResult> IdeaResults => Set<IdeaResult>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
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

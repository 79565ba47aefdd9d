using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Burgerbegroting.Data.Ideas;

/// <summary>Why an idea won or lost in round 4, as the outcome rule explained it; computed once at close and stored.</summary>
public class IdeaResult
{
    public long Id { get; set; }
    public int RoundId { get; set; }
    public int IdeaId { get; set; }
    public Idea Idea { get; set; } = null!;
    public int ThemeId { get; set; }
    public long Votes { get; set; }
    public long Cost { get; set; }
    public bool Selected { get; set; }

    /// <summary>1-based order in which the rule chose it.</summary>
    public int? Step { get; set; }

    /// <summary>Burgerbegroting.Voting.OutcomeReason, stored by name.</summary>
    public string Reason { get; set; } = "";

    /// <summary>Greedy: whole euros left of the theme's budget when its turn came.</summary>
    public long? RemainingAtTurn { get; set; }

    /// <summary>Equal shares, not chosen: what its supporters had left together (euros, rounded down).</summary>
    public long? SupportersMoneyLeft { get; set; }

    /// <summary>Other ideas with the same votes that the tie-break (lower cost, then earlier submission) put after it.</summary>
    public string? WonTieAgainst { get; set; }
}

public class IdeaResultConfiguration : IEntityTypeConfiguration<IdeaResult>
{
    public void Configure(EntityTypeBuilder<IdeaResult> builder)
    {
        builder.Property(r => r.Reason).HasMaxLength(40);
        builder.Property(r => r.WonTieAgainst).HasMaxLength(1000);
        builder.HasIndex(r => new { r.RoundId, r.IdeaId }).IsUnique();
        builder.HasIndex(r => r.ThemeId);
        // Not cascading: an edition's deletion reaches a result through its round already, and SQL Server refuses a
        // table that two cascade paths lead to (edition → round → result and edition → idea → result).
        builder.HasOne(r => r.Idea).WithMany().HasForeignKey(r => r.IdeaId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Editions.Round>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

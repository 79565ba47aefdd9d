using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Burgerbegroting.Data.Accounts;

public class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(100);
        builder.Property(u => u.OrganisationName).HasMaxLength(150);
        builder.Property(u => u.Postcode).HasMaxLength(6);
        builder.Property(u => u.PreferredCulture).HasMaxLength(10);
        builder.Property(u => u.RejectionReason).HasMaxLength(500);
        builder.HasIndex(u => new { u.Kind, u.ApprovedAt });
    }
}

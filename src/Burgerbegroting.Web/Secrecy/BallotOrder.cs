using Burgerbegroting.Data;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Secrecy;

/// <summary>
/// Makes the stored order of the ballot rows say nothing about the order of voting (docs/secrecy.md). Ballot and entry
/// ids are random, and SQLite and SQL Server store these tables in primary-key order, so there nothing is left to do.
/// PostgreSQL keeps rows where they were written until a table is rewritten: after a close, <c>CLUSTER</c> rewrites
/// both tables in the order of their random ids. The one place with provider-specific SQL in the app, because only the
/// provider's own command reorders its storage.
/// </summary>
public static class BallotOrder
{
    public static async Task ForgetAsync(AppDbContext db)
    {
        if (db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            await db.Database.ExecuteSqlRawAsync("""CLUSTER "Ballots" USING "PK_Ballots"; CLUSTER "BallotEntries" USING "PK_BallotEntries";""");
        }
    }
}

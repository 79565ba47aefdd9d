using System.Text.RegularExpressions;
using Burgerbegroting.Data;
using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Burgerbegroting.Web.Tests.Storage;

/// <summary>
/// Rules SQL Server applies where SQLite and PostgreSQL do not, checked on the model as the SQL Server provider
/// maps it. A server would refuse (or only warn about) each of these at CREATE time or on the first long value;
/// none needs a server to check.
/// </summary>
public sealed partial class SqlServerModelTests
{
    private static readonly IRelationalModel Model = LoadModel();

    private static IRelationalModel LoadModel()
    {
        using var db = new SqlServerOffline().NewContext();
        return db.GetService<IDesignTimeModel>().Model.GetRelationalModel();
    }

    private static IEnumerable<ITable> Tables => Model.Tables.Where(t => t.Name != "__EFMigrationsHistory");

    /// <summary>SQLite and PostgreSQL let any number of NULLs into a unique index; SQL Server only one, without a filter.</summary>
    [Fact]
    public void Unique_indexes_on_nullable_columns_are_filtered_in_the_SqlServer_script()
    {
        using var db = new SqlServerOffline().NewContext();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        var checkedIndexes = 0;
        foreach (var table in Tables)
        {
            foreach (var index in table.Indexes.Where(i => i.IsUnique && i.Columns.Any(c => c.IsNullable)))
            {
                var create = script.Split('\n').Single(l => l.Contains($"CREATE UNIQUE INDEX [{index.Name}]", StringComparison.Ordinal));
                foreach (var column in index.Columns.Where(c => c.IsNullable))
                {
                    Assert.Contains($"[{column.Name}] IS NOT NULL", create, StringComparison.Ordinal);
                }

                checkedIndexes++;
            }
        }

        Assert.True(checkedIndexes >= 2, "expected at least Identity's user-name and role-name indexes");
    }

    /// <summary>
    /// An index on nvarchar(max) is refused; a key longer than 900 bytes (clustered, the primary keys) or 1700 bytes
    /// (other indexes) is created with a warning and then fails on the first value that long.
    /// </summary>
    [Fact]
    public void SqlServer_indexes_hold_no_unbounded_strings_and_fit_its_key_size_limits()
    {
        // Identity's link tables key on user and role ids of nvarchar(450) each, as in Identity's own SQL Server
        // schema; the ids are GUID strings of 36 characters (72 bytes), so no real key comes near 900 bytes.
        var identityLinkKeys = new[] { "PK_AspNetUserRoles", "PK_AspNetUserTokens" };
        var problems = new List<string>();
        foreach (var table in Tables)
        {
            var keys = table.Indexes.Select(i => (i.Name, Columns: i.Columns.ToList(), Limit: 1700))
                .Concat(table.UniqueConstraints.Select(u => (u.Name, Columns: u.Columns.ToList(), Limit: u.GetIsPrimaryKey() ? 900 : 1700)));
            foreach (var (name, columns, limit) in keys)
            {
                var unbounded = columns.Where(c => Bytes(c.StoreType) is null).Select(c => $"{c.Name} {c.StoreType}").ToList();
                var size = columns.Sum(c => Bytes(c.StoreType) ?? 0);
                if (unbounded.Count > 0)
                {
                    problems.Add($"{table.Name}.{name}: unbounded {string.Join(", ", unbounded)}");
                }
                else if (size > limit && !identityLinkKeys.Contains(name))
                {
                    problems.Add($"{table.Name}.{name}: {size} bytes, over {limit}");
                }
            }
        }

        Assert.Empty(problems);
    }

    /// <summary>SQL Server refuses a foreign key with ON DELETE CASCADE that gives a table a second cascade path or a cycle.</summary>
    [Fact]
    public void SqlServer_accepts_every_cascading_delete()
    {
        var cascades = Tables.SelectMany(t => t.ForeignKeyConstraints)
            .Where(fk => fk.OnDeleteAction is ReferentialAction.Cascade or ReferentialAction.SetNull or ReferentialAction.SetDefault)
            .ToLookup(fk => fk.PrincipalTable.Name, fk => fk.Table.Name);
        var problems = new List<string>();
        foreach (var source in Tables.Select(t => t.Name))
        {
            var paths = new Dictionary<string, int>(StringComparer.Ordinal);
            Walk(source, [source]);
            problems.AddRange(paths.Where(p => p.Value > 1).Select(p => $"{p.Key} is reached from {source} by {p.Value} cascade paths"));

            void Walk(string table, HashSet<string> onPath)
            {
                foreach (var dependent in cascades[table])
                {
                    if (onPath.Contains(dependent))
                    {
                        problems.Add($"cascade cycle through {table} → {dependent}");
                        continue;
                    }

                    paths[dependent] = paths.GetValueOrDefault(dependent) + 1;
                    Walk(dependent, [.. onPath, dependent]);
                }
            }
        }

        Assert.Empty(problems.Distinct());
    }

    /// <summary>SQL Server requires a foreign key column to have the type, length and collation of the key it references.</summary>
    [Fact]
    public void SqlServer_foreign_keys_match_the_columns_they_reference()
    {
        var problems = Tables.SelectMany(t => t.ForeignKeyConstraints)
            .SelectMany(fk => fk.Columns.Zip(fk.PrincipalColumns, (c, p) => (fk, c, p)))
            .Where(x => x.c.StoreType != x.p.StoreType || x.c.Collation != x.p.Collation)
            .Select(x => $"{x.fk.Name}: {x.c.Name} {x.c.StoreType} {x.c.Collation} → {x.p.Table.Name}.{x.p.Name} {x.p.StoreType} {x.p.Collation}")
            .ToList();
        Assert.Empty(problems);
    }

    /// <summary>
    /// SQL Server's default collation compares case- and width-insensitively ("Groen" = "groen", often "ß" = "ss");
    /// SQLite and PostgreSQL compare exactly. Indexed strings use a binary collation on SQL Server, so a unique index
    /// accepts the same values everywhere; the case-insensitive rules are the code's (Identity's normalised columns,
    /// the theme and buurt name checks). Keys and foreign keys hold generated ids and keep the default.
    /// </summary>
    [Fact]
    public void On_SqlServer_indexed_strings_compare_exactly_as_on_SQLite_and_PostgreSQL()
    {
        var indexedStrings = Tables
            .SelectMany(t => t.Indexes.SelectMany(i => i.Columns))
            .Where(c => c.StoreType.Contains("char", StringComparison.Ordinal))
            .Where(c => !c.Table.PrimaryKey!.Columns.Contains(c) && !c.Table.ForeignKeyConstraints.Any(fk => fk.Columns.Contains(c)))
            .Distinct()
            .ToList();
        Assert.All(indexedStrings, c => Assert.Equal(AppDbContext.SqlServerBinaryCollation, c.Collation));
        Assert.Equal(
            ["AspNetRoles.NormalizedName", "AspNetUsers.NormalizedEmail", "AspNetUsers.NormalizedUserName", "Ballots.Pseudonym", "Ballots.ReceiptCode", "Buurten.Name", "Editions.Slug", "PublishedFiles.Name", "PublishedFiles.Source", "SheetEntries.TypistId",
             "Themes.Name",
             "VotingCodes.AccountId", "VotingCodes.HouseNumber", "VotingCodes.Postcode", "VotingCodes.VoterId"],
            indexedStrings.Select(c => $"{c.Table.Name}.{c.Name}").Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// datetime2 (100 ns) holds a .NET DateTime exactly, as SQLite's text does; the old datetime type would round to
    /// 3.33 ms. (PostgreSQL keeps microseconds; the app only orders and compares times, never matches them exactly.)
    /// </summary>
    [Fact]
    public void On_SqlServer_every_time_is_a_datetime2_with_full_precision()
    {
        var times = Tables.SelectMany(t => t.Columns).Where(c => c.ProviderClrType == typeof(DateTime)).ToList();
        Assert.NotEmpty(times);
        Assert.All(times, c => Assert.Equal("datetime2", c.StoreType));
    }

    /// <summary>Bytes a column takes in an index key; null for a type that cannot be in one (max).</summary>
    private static int? Bytes(string storeType)
    {
        var sized = SizedType().Match(storeType);
        if (sized.Success)
        {
            return sized.Groups[2].Value == "max" ? null
                : int.Parse(sized.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) * (sized.Groups[1].Value.StartsWith('n') ? 2 : 1);
        }

        return storeType switch
        {
            "bit" or "tinyint" => 1,
            "smallint" => 2,
            "date" => 3,
            "int" or "real" => 4,
            "bigint" or "float" or "datetime2" or "datetime" => 8,
            "datetimeoffset" => 10,
            "uniqueidentifier" => 16,
            _ => throw new InvalidOperationException($"add the index key size of {storeType}"),
        };
    }

    [GeneratedRegex(@"^(nvarchar|varchar|nchar|char|varbinary|binary)\((\d+|max)\)$")]
    private static partial Regex SizedType();
}

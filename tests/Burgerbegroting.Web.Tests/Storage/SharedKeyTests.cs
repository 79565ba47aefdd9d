using Burgerbegroting.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Burgerbegroting.Web.Tests.Storage;

/// <summary>
/// Several instances on one database share one data-protection key (docs/qualities.md, "Storage"). Two instances started
/// together on a database without a key each made their own (the instances drill in bench/ saw it); the migrate
/// command, run before the instances start, makes the key they all find.
/// </summary>
public sealed class SharedKeyTests
{
    [Fact]
    public async Task The_migrate_command_makes_the_one_data_protection_key_that_instances_started_after_it_use()
    {
        var folder = TestEnvironment.NewTempDirectory("shared-key");
        var (exit, output) = await AppProcess.RunAsync(folder, "migrate");
        Assert.True(exit == 0, output);
        var file = Path.Combine(folder, "app.db");
        var key = Assert.Single(Keys(file));

        await using (var first = new AppFactory(sqliteFile: file))
        await using (var second = new AppFactory(sqliteFile: file))
        {
            // Each instance would make a key at startup if it found none.
            _ = first.Services;
            _ = second.Services;
            Assert.Equal([key], Keys(file));
        }

        (exit, output) = await AppProcess.RunAsync(folder, "migrate");
        Assert.True(exit == 0, output);
        Assert.Equal([key], Keys(file));
    }

    private static List<string> Keys(string file)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT FriendlyName FROM DataProtectionKeys";
        using var reader = command.ExecuteReader();
        var keys = new List<string>();
        while (reader.Read())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }
}

using Burgerbegroting.Web.Infrastructure.Startup;
using Burgerbegroting.Web.Tests.Infrastructure;

namespace Burgerbegroting.Web.Tests.Site;

/// <summary>The app reads its own settings wherever it is started from (README, "Deployment").</summary>
public sealed class AppFolderTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public async Task Started_from_another_folder_the_app_reads_its_own_appsettings()
    {
        var folder = TestEnvironment.NewTempDirectory("other-folder");
        Assert.False(File.Exists(Path.Combine(folder, AppFolder.SettingsFile)));
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, AppFolder.SettingsFile)));

        var (exit, output) = await AppProcess.RunAsync(folder, "migrate");

        // appsettings.json keeps EF Core's SQL at Warning; without it every statement is logged at Information.
        Assert.Equal(0, exit);
        Assert.DoesNotContain("Executed DbCommand", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, "app.db")));
    }

    [Fact]
    public async Task The_log_setting_the_first_test_relies_on_is_visible_when_it_is_changed()
    {
        var folder = TestEnvironment.NewTempDirectory("other-folder-verbose");

        var (exit, output) = await AppProcess.RunAsync(folder, new Dictionary<string, string>
        {
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
        }, "migrate");

        Assert.Equal(0, exit);
        Assert.Contains("Executed DbCommand", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_working_directory_is_the_content_root_only_when_it_holds_the_settings()
    {
        var withSettings = TestEnvironment.NewTempDirectory("with-settings");
        File.WriteAllText(Path.Combine(withSettings, AppFolder.SettingsFile), "{}");
        var without = TestEnvironment.NewTempDirectory("without-settings");

        Assert.Equal(withSettings, AppFolder.ContentRoot([], withSettings, "/app", NoEnvironment));
        Assert.Equal("/app", AppFolder.ContentRoot([], without, "/app", NoEnvironment));
    }

    [Theory]
    [InlineData("--contentRoot=/srv/bb")]
    [InlineData("--contentroot")]
    [InlineData("/contentRoot")]
    public void A_content_root_named_on_the_command_line_is_left_to_the_host(string arg) =>
        Assert.Null(AppFolder.ContentRoot([arg, "/srv/bb"], TestEnvironment.NewTempDirectory("named"), "/app", NoEnvironment));

    [Theory]
    [InlineData("ASPNETCORE_CONTENTROOT")]
    [InlineData("DOTNET_CONTENTROOT")]
    public void A_content_root_named_in_the_environment_is_left_to_the_host(string variable) =>
        Assert.Null(AppFolder.ContentRoot([], TestEnvironment.NewTempDirectory("named-env"), "/app", name => name == variable ? "/srv/bb" : null));
}

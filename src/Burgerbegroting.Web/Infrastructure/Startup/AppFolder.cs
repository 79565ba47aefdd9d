namespace Burgerbegroting.Web.Infrastructure.Startup;

/// <summary>
/// Where the app finds its settings files and resolves relative paths (the SQLite file, mail and key folders): the
/// content root. ASP.NET Core takes the working directory, so a published app started from another folder
/// (<c>dotnet out/Burgerbegroting.Web.dll</c>) would run without its appsettings.json. Rule: a content root named on
/// the command line or in <c>ASPNETCORE_CONTENTROOT</c>/<c>DOTNET_CONTENTROOT</c> wins; otherwise the working directory
/// when it holds an appsettings.json (<c>dotnet run</c> in the project folder, a deployment folder of the city's own);
/// otherwise the folder the app's own files are in.
/// </summary>
public static class AppFolder
{
    public const string SettingsFile = "appsettings.json";

    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        ContentRootPath = ContentRoot(args, Directory.GetCurrentDirectory(), AppContext.BaseDirectory, Environment.GetEnvironmentVariable),
        WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
    };

    /// <summary>Null when the host should decide (a content root was named); otherwise the folder by the rule above.</summary>
    public static string? ContentRoot(string[] args, string workingDirectory, string appDirectory, Func<string, string?> environment)
    {
        var named = args.Any(a => a.TrimStart('-', '/').StartsWith("contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(environment("ASPNETCORE_CONTENTROOT")) || !string.IsNullOrEmpty(environment("DOTNET_CONTENTROOT"));
        if (named)
        {
            return null;
        }

        return File.Exists(Path.Combine(workingDirectory, SettingsFile)) ? workingDirectory : appDirectory;
    }
}

using System.Diagnostics;

namespace Burgerbegroting.Web.Tests.Infrastructure;

/// <summary>The built Web dll run as the real program (its commands), against a SQLite file and mail folder in <c>folder</c>.</summary>
public static class AppProcess
{
    public static Task<(int Exit, string Output)> RunAsync(string folder, params string[] args) =>
        RunAsync(folder, new Dictionary<string, string>(), args);

    /// <summary>With <paramref name="environment"/> over the defaults; killed after two minutes (a server that should have refused to start).</summary>
    public static async Task<(int Exit, string Output)> RunAsync(string folder, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Burgerbegroting.Web.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Database__Provider"] = "Sqlite";
        info.Environment["ConnectionStrings__Default"] = $"Data Source={Path.Combine(folder, "app.db")}";
        info.Environment["Email__PickupFolder"] = Path.Combine(folder, "mail");
        info.Environment["Email__PublicBaseUrl"] = "https://burgerbegroting.example";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        return (process.ExitCode, await output + await error);
    }
}

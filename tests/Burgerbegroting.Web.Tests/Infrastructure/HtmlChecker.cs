using System.Diagnostics;

namespace Burgerbegroting.Web.Tests.Infrastructure;

/// <summary>
/// The W3C Nu HTML Checker (vnu.jar) over many saved pages in one run (it takes seconds to start). Every message
/// counts: htmx attributes are written as data-hx-*, which the checker accepts.
/// </summary>
public static class HtmlChecker
{
    public static async Task<IReadOnlyList<string>> ErrorsAsync(string folder)
    {
        var info = new ProcessStartInfo("java")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-jar", TestEnvironment.Vnu, "--errors-only", "--format", "gnu", "--skip-non-html", folder })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("java did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (await output + "\n" + await errors)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToList();
    }
}

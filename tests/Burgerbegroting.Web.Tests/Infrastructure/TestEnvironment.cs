namespace Burgerbegroting.Web.Tests.Infrastructure;

/// <summary>
/// What the tests need from the machine. test.sh installs and exports all of it; a missing piece fails the test
/// with a message saying what to install — it is never skipped silently.
/// </summary>
public static class TestEnvironment
{
    public static string PostgresConnectionString =>
        Require("BB_TEST_POSTGRES", "a PostgreSQL connection string (run ./test.sh, which installs and starts PostgreSQL)");

    public static string Aiosmtpd =>
        Environment.GetEnvironmentVariable("BB_TEST_AIOSMTPD") is { Length: > 0 } path ? path
        : File.Exists("/usr/bin/aiosmtpd") ? "/usr/bin/aiosmtpd"
        : throw new InvalidOperationException("The aiosmtpd SMTP sink is missing: run ./test.sh (Debian package python3-aiosmtpd).");

    public static string Chromium =>
        Environment.GetEnvironmentVariable("BB_TEST_CHROMIUM") is { Length: > 0 } path ? path
        : File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium"
        : throw new InvalidOperationException("Chromium is missing: run ./test.sh (Debian package chromium).");

    /// <summary>The Nu HTML Checker's jar (npm vnu-jar), run with the machine's Java.</summary>
    public static string Vnu =>
        Environment.GetEnvironmentVariable("BB_TEST_VNU") is { Length: > 0 } path && File.Exists(path) ? path
        : throw new InvalidOperationException("The Nu HTML Checker (vnu.jar) is missing: run ./test.sh, which installs it from npm (BB_TEST_VNU).");

    private static string Require(string name, string what) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Environment variable {name} is not set: the tests need {what}.");

    public static string NewTempDirectory(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), "burgerbegroting-tests", $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }
}

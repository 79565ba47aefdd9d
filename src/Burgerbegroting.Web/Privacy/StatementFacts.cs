using System.Reflection;

namespace Burgerbegroting.Web.Privacy;

/// <summary>
/// The facts the privacy and accessibility statements give, all from configuration (<see cref="PrivacyOptions"/>), so
/// the statements' text never holds a contact or a period of its own.
/// </summary>
public sealed record StatementFacts(
    string Controller, string OfficerName, string OfficerEmail, string? OfficerPhone, int RetentionMonths,
    string AccessibilityEmail, DateOnly TestedOn)
{
    public static StatementFacts From(PrivacyOptions options) => new(
        options.Controller, options.OfficerName, options.OfficerEmail, string.IsNullOrWhiteSpace(options.OfficerPhone) ? null : options.OfficerPhone,
        options.RetentionMonths, options.AccessibilityEmail, options.AccessibilityTestedOn ?? BuiltOn());

    /// <summary>The date this version of the app was built: ./test.sh runs the accessibility gates on every build before it is released.</summary>
    private static DateOnly BuiltOn()
    {
        var location = Assembly.GetExecutingAssembly().Location;
        var at = string.IsNullOrEmpty(location) || !File.Exists(location) ? DateTime.UtcNow : File.GetLastWriteTimeUtc(location);
        return DateOnly.FromDateTime(at);
    }
}

namespace Burgerbegroting.Web.Privacy;

/// <summary>
/// Settings under "Privacy" (docs/privacy.md): how long an edition's personal data are kept, and the facts the privacy
/// and accessibility statements give, so a municipality states its own contacts without changing the app.
/// </summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>Months after an edition's last round is published before its personal data that are no longer needed go.</summary>
    public int RetentionMonths { get; set; } = 12;

    /// <summary>How often the background job looks for editions whose retention period has ended.</summary>
    public TimeSpan RetentionCheckInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Off for tests that run the retention by hand.</summary>
    public bool RunRetention { get; set; } = true;

    /// <summary>The controller (verwerkingsverantwoordelijke) named in the privacy statement.</summary>
    public string Controller { get; set; } = "Gemeente Maastricht";

    /// <summary>The privacy officer (functionaris gegevensbescherming): name or function, e-mail address, phone.</summary>
    public string OfficerName { get; set; } = "Functionaris gegevensbescherming";

    public string OfficerEmail { get; set; } = "privacy@maastricht.example";

    public string? OfficerPhone { get; set; }

    /// <summary>Where residents report an accessibility problem.</summary>
    public string AccessibilityEmail { get; set; } = "toegankelijkheid@maastricht.example";

    /// <summary>
    /// The date the automated accessibility checks last passed for the running version (yyyy-MM-dd); empty: the date
    /// this version was built, as every build runs them in ./test.sh before it is released.
    /// </summary>
    public DateOnly? AccessibilityTestedOn { get; set; }
}

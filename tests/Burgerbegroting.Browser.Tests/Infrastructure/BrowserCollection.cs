namespace Burgerbegroting.Browser.Tests.Infrastructure;

/// <summary>
/// All browser tests share one SMTP sink and one Chromium, and one app unless they ask for their own; they run one after another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "Browser";
}

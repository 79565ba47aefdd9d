namespace Burgerbegroting.Browser.Tests.Infrastructure;

/// <summary>All browser tests share one app, one SMTP sink and one Chromium; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "Browser";
}

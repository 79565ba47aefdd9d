namespace Burgerbegroting.Web;

/// <summary>Marker for the one resource set of the app: Resources/SharedResource.resx (Dutch, the default) and .en.resx.</summary>
public sealed class SharedResource;

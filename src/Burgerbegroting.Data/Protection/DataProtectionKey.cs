namespace Burgerbegroting.Data.Protection;

/// <summary>A data-protection key ring entry, kept in the database so that several app instances share keys.</summary>
public class DataProtectionKey
{
    public int Id { get; set; }
    public string FriendlyName { get; set; } = "";
    public string Xml { get; set; } = "";
}

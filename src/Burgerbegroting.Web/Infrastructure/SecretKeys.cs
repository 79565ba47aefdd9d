using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Burgerbegroting.Web.Infrastructure;

/// <summary>
/// Keys that must not be in the database, so that a copy of the database alone is not enough (docs/stemcodes.md,
/// "Storage"). A key comes from configuration (<c>Secrets:NAME</c>, base64, at least 32 bytes: an environment
/// variable or a key store) or else from the file <c>NAME.key</c> in <c>Secrets:Folder</c> (default
/// <c>data/secrets</c> under the content root), which is made with 32 random bytes the first time it is needed.
/// Several instances must share the key: give it through configuration, or put the folder on shared storage.
/// </summary>
public sealed class SecretKeys(IConfiguration configuration, IHostEnvironment environment, ILogger<SecretKeys> log)
{
    public const int KeyBytes = 32;
    private readonly ConcurrentDictionary<string, byte[]> _keys = new(StringComparer.Ordinal);

    public byte[] Get(string name) => _keys.GetOrAdd(name, Load);

    private byte[] Load(string name)
    {
        if (configuration[$"Secrets:{name}"] is { Length: > 0 } configured)
        {
            var key = Convert.FromBase64String(configured);
            return key.Length >= KeyBytes ? key
                : throw new InvalidOperationException($"Secrets:{name} must be at least {KeyBytes} bytes (base64).");
        }

        var folder = Path.GetFullPath(configuration["Secrets:Folder"] is { Length: > 0 } f ? f : Path.Combine("data", "secrets"), environment.ContentRootPath);
        var file = Path.Combine(folder, name + ".key");
        return File.Exists(file) ? Read(file) : Create(file, name);
    }

    private static byte[] Read(string file)
    {
        var key = File.ReadAllBytes(file);
        return key.Length >= KeyBytes ? key : throw new InvalidOperationException($"The key file {file} is shorter than {KeyBytes} bytes.");
    }

    private byte[] Create(string file, string name)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var key = RandomNumberGenerator.GetBytes(KeyBytes);
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(file, options))
            {
                stream.Write(key);
            }

            log.LogWarning("Made a new key {Name} in {File}. Back it up apart from the database; without it what was made with it (stemcodes, the keys of running rounds) stops working.", name, file);
            return key;
        }
        catch (IOException) when (File.Exists(file))
        {
            // Another process made it first: use theirs.
            return Read(file);
        }
    }
}

using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Stemcodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Burgerbegroting.Web.Stemcodes;

/// <summary>
/// Limits guessing (docs/stemcodes.md, "Guessing"): wrong codes per address in memory (a sliding window of 15
/// minutes), and wrong codes per hour over the whole site in the database, so the total holds across instances and
/// restarts however many addresses an attacker has.
/// </summary>
public sealed class StemcodeGuard : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perAddress;
    private readonly StemcodeOptions _options;
    private readonly TimeProvider _clock;

    public StemcodeGuard(IOptions<StemcodeOptions> options, TimeProvider clock)
    {
        _options = options.Value;
        _clock = clock;
        _perAddress = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetSlidingWindowLimiter(address, _ =>
            new SlidingWindowRateLimiterOptions { PermitLimit = _options.FailuresPerAddress, Window = TimeSpan.FromMinutes(15), SegmentsPerWindow = 5, QueueLimit = 0 }));
    }

    /// <summary>Whether this address may try another code now.</summary>
    public bool AddressMayTry(IPAddress? address) =>
        _perAddress.GetStatistics(Key(address))?.CurrentAvailablePermits is null or > 0;

    /// <summary>Whether the site-wide limit of wrong codes this hour is still below its maximum.</summary>
    public async Task<bool> SiteMayTryAsync(AppDbContext db)
    {
        var hour = Hour();
        var failures = await db.StemcodeFailures.Where(f => f.Hour == hour).Select(f => (int?)f.Count).SingleOrDefaultAsync() ?? 0;
        return failures < _options.FailuresPerHour;
    }

    /// <summary>Counts a wrong code against the address and against this hour.</summary>
    public async Task CountFailureAsync(AppDbContext db, IPAddress? address)
    {
        using var lease = _perAddress.AttemptAcquire(Key(address));
        var hour = Hour();
        if (await db.StemcodeFailures.Where(f => f.Hour == hour).ExecuteUpdateAsync(s => s.SetProperty(f => f.Count, f => f.Count + 1)) > 0)
        {
            return;
        }

        try
        {
            db.StemcodeFailures.Add(new StemcodeFailures { Hour = hour, Count = 1 });
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Another request made this hour's row first.
            db.ChangeTracker.Clear();
            await db.StemcodeFailures.Where(f => f.Hour == hour).ExecuteUpdateAsync(s => s.SetProperty(f => f.Count, f => f.Count + 1));
        }
    }

    /// <summary>The minutes until the site-wide limit starts over.</summary>
    public int MinutesToNextHour() => 60 - _clock.GetUtcNow().Minute;

    public void Dispose() => _perAddress.Dispose();

    private DateTime Hour()
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);
    }

    /// <summary>An IPv4 address, or the /64 network of an IPv6 address (one household or one device usually has a whole /64).</summary>
    internal static string Key(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}

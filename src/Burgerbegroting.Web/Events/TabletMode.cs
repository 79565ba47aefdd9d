using System.Globalization;
using System.Security.Cryptography;
using Burgerbegroting.Data;
using Burgerbegroting.Data.Editions;
using Burgerbegroting.Data.Events;
using Burgerbegroting.Voting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Burgerbegroting.Web.Events;

/// <summary>
/// A device at an event's desk as a voting tablet (docs/events.md, "The desk"): staff switch it on, and from then on
/// the code page on that device opens desk sessions (channel Desk) for the event's round. The switch is a cookie that
/// names the event, protected by the app's data-protection keys so that nobody makes one by hand.
/// </summary>
public sealed class TabletMode(IDataProtectionProvider protection, AppDbContext db)
{
    private const string CookieName = "bb.tablet";

    /// <summary>A tablet stays one for a day at most: an event lasts a day, and a forgotten tablet should not stay one.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    private readonly IDataProtector _protector = protection.CreateProtector("Burgerbegroting.TabletMode.v1");

    public void Start(HttpContext http, VotingEvent ev) =>
        http.Response.Cookies.Append(CookieName, _protector.Protect(ev.Id.ToString(CultureInfo.InvariantCulture)), new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            MaxAge = Lifetime,
        });

    public void Stop(HttpContext http) => http.Response.Cookies.Delete(CookieName);

    /// <summary>The event this device is a tablet of, as its cookie says; null when it is none (or the cookie is not ours).</summary>
    public int? EventId(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            return int.TryParse(_protector.Unprotect(value), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public bool IsOn(HttpContext http) => EventId(http) is not null;

    /// <summary>The event whose desk this device serves now: one of <paramref name="edition"/>, with its round open.</summary>
    public async Task<VotingEvent?> OpenEventAsync(HttpContext http, Edition edition)
    {
        if (EventId(http) is not { } id || await db.VotingEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id && e.EditionId == edition.Id) is not { } ev)
        {
            return null;
        }

        return edition.Rounds.Any(r => r.Id == ev.RoundId && r.Status == RoundStatus.Open) ? ev : null;
    }
}

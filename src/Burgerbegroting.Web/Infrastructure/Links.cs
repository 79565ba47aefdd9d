using Burgerbegroting.Web.Email;
using Microsoft.Extensions.Options;

namespace Burgerbegroting.Web.Infrastructure;

/// <summary>
/// Absolute links for mails: the configured public address. Only in Development and the tests, which may leave it
/// empty, the current request's host stands in; a deployment cannot start without it (Security.AddPublicAddress),
/// so a forged Host header never ends up in a mail.
/// </summary>
public sealed class Links(IHttpContextAccessor http, IOptions<EmailOptions> options, LinkGenerator generator, IHostEnvironment environment)
{
    public const string LocalDefault = "http://localhost:5080";

    public string Page(string page, object? values = null)
    {
        var path = generator.GetPathByPage(page, handler: null, values)
            ?? throw new InvalidOperationException($"No route to page {page}.");
        return BaseUrl().TrimEnd('/') + path;
    }

    /// <summary>The full address of a path on this site ("/uitslag/4/results.csv"), for a printed page.</summary>
    public string Absolute(string path) => BaseUrl().TrimEnd('/') + path;

    private string BaseUrl()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl))
        {
            return options.Value.PublicBaseUrl;
        }

        if (Startup.Security.RequiresPublicAddress(environment))
        {
            throw new InvalidOperationException("Email:PublicBaseUrl is not set; links in mails never come from the request.");
        }

        var request = http.HttpContext?.Request;
        return request is null ? LocalDefault : $"{request.Scheme}://{request.Host}{request.PathBase}";
    }
}

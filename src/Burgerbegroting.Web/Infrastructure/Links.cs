using Burgerbegroting.Web.Email;
using Microsoft.Extensions.Options;

namespace Burgerbegroting.Web.Infrastructure;

/// <summary>Absolute links for mails: the configured public address, else the current request's host.</summary>
public sealed class Links(IHttpContextAccessor http, IOptions<EmailOptions> options, LinkGenerator generator)
{
    public const string LocalDefault = "http://localhost:5080";

    public string Page(string page, object? values = null)
    {
        var path = generator.GetPathByPage(page, handler: null, values)
            ?? throw new InvalidOperationException($"No route to page {page}.");
        return BaseUrl().TrimEnd('/') + path;
    }

    private string BaseUrl()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl))
        {
            return options.Value.PublicBaseUrl;
        }

        var request = http.HttpContext?.Request;
        return request is null ? LocalDefault : $"{request.Scheme}://{request.Host}{request.PathBase}";
    }
}

using System.Net;
using System.Net.Sockets;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Burgerbegroting.Bench;

/// <summary>
/// One person's browser without JavaScript: its own cookies, and its own address — every connection it opens is bound
/// to <see cref="Address"/> (any 127.x.y.z works on Linux without configuration), so the proxy sees a client of its
/// own and passes that address on in X-Forwarded-For. Redirects are not followed: a 302 after a save is the
/// acknowledgement the drill counts.
/// </summary>
public sealed class Client : IDisposable
{
    private static readonly HtmlParser Parser = new();
    private readonly HttpClient _http;

    public Client(IPAddress address, TimeSpan? timeout = null)
    {
        Address = address;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = Cookies,
            UseCookies = true,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectCallback = async (context, cancellation) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(address, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellation);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        _http = new HttpClient(handler) { Timeout = timeout ?? TimeSpan.FromSeconds(60) };
    }

    public IPAddress Address { get; }

    /// <summary>Cookies are kept per host, not per port: the same jar serves both instances and the proxy on 127.0.0.1.</summary>
    public CookieContainer Cookies { get; } = new();

    public Task<HttpResponseMessage> GetAsync(Uri url) => _http.GetAsync(url);

    public Task<HttpResponseMessage> PostAsync(Uri url, IEnumerable<KeyValuePair<string, string>> fields, IReadOnlyDictionary<string, string>? headers = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return _http.SendAsync(request);
    }

    public async Task<IHtmlDocument> PageAsync(Uri url)
    {
        using var response = await _http.GetAsync(url);
        if (!response.IsSuccessStatusCode)
        {
            throw new DrillException($"GET {url} answered {(int)response.StatusCode}");
        }

        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>The fields a browser would send for the form (hidden ones and the antiforgery token included), with <paramref name="fields"/> over them.</summary>
    public static List<KeyValuePair<string, string>> FormFields(IHtmlDocument page, string formSelector, IReadOnlyDictionary<string, string> fields)
    {
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new DrillException($"no form '{formSelector}' on the page: {Text(page)}");
        var values = form.Elements.OfType<IHtmlInputElement>()
            .Where(e => !string.IsNullOrEmpty(e.Name) && !fields.ContainsKey(e.Name) && (e.Type is "checkbox" or "radio" ? e.IsChecked : e.Type != "submit"))
            .Select(e => new KeyValuePair<string, string>(e.Name!, e.Value))
            .ToList();
        values.AddRange(fields);
        return values;
    }

    /// <summary>Where the form posts to, relative to the page.</summary>
    public static Uri FormAction(IHtmlDocument page, string formSelector, Uri pageUrl)
    {
        var action = page.QuerySelector(formSelector)?.GetAttribute("action");
        return string.IsNullOrEmpty(action) ? pageUrl : new Uri(pageUrl, action);
    }

    /// <summary>Signs in through the real form at <paramref name="site"/> (an instance or the proxy); false when refused.</summary>
    public async Task<HttpStatusCode> SignInAsync(Uri site, string email, string password)
    {
        var url = new Uri(site, "account/inloggen");
        var page = await PageAsync(url);
        using var response = await PostAsync(url, FormFields(page, "main form", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
        return response.StatusCode;
    }

    public static string Text(IHtmlDocument page) =>
        string.Join(' ', (page.QuerySelector("main")?.TextContent ?? page.Body?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public void Dispose() => _http.Dispose();
}

public sealed class DrillException(string message) : Exception(message);

namespace Burgerbegroting.Web.Pages.Shared;

/// <summary>Page numbers for a long list; links are plain so paging works without JavaScript.</summary>
public sealed record Pager
{
    public Pager(int page, int pageSize, int total, string baseUrl)
    {
        PageSize = pageSize;
        Total = total;
        Pages = Math.Max(1, (total + pageSize - 1) / pageSize);
        Current = Math.Clamp(page, 1, Pages);
        BaseUrl = baseUrl;
    }

    public int Current { get; }
    public int Pages { get; }
    public int PageSize { get; }
    public int Total { get; }
    public string BaseUrl { get; }
    public int Skip => (Current - 1) * PageSize;

    public string Url(int page) => $"{BaseUrl}pagina={page}";
}

using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Burgerbegroting.Web.Tests.Infrastructure;

/// <summary>
/// One way in to the app: a page handler (OnGet, OnPostSave, ...) or another endpoint (minimal API), with the
/// form and query fields it binds, as the app's own endpoint data describes it.
/// </summary>
/// <param name="Key">"GET /Voting/Budget", "POST /Admin/Editions/Rounds Open", "POST /taal".</param>
/// <param name="Route">The route template, "beheer/edities/{id:int}/rondes".</param>
/// <param name="Method">GET or POST.</param>
/// <param name="HandlerName">The named handler ("Open" for OnPostOpenAsync), or null.</param>
/// <param name="Fields">Names the handler binds from the request, with their types ("Input.Title", "roundId", "Shares").</param>
/// <param name="SignInRequired">Whether the endpoint demands a signed-in user (anonymous requests never reach it).</param>
public sealed record AppHandler(string Key, string Route, string Method, string? HandlerName, IReadOnlyList<(string Name, Type Type)> Fields, bool SignInRequired)
{
    public IReadOnlyList<string> RouteParameters { get; } = Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Parse(Route).Parameters.Select(p => p.Name).ToList();

    public IEnumerable<(string Name, Type Type)> NonRouteFields =>
        Fields.Where(f => !RouteParameters.Contains(f.Name, StringComparer.OrdinalIgnoreCase));

    public static string PageKey(string method, string viewEnginePath, string? handler) =>
        $"{method.ToUpperInvariant()} {viewEnginePath}{(string.IsNullOrEmpty(handler) ? "" : " " + handler)}";

    /// <summary>Every page handler and every GET or POST endpoint the app maps.</summary>
    public static async Task<IReadOnlyList<AppHandler>> AllAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var isService = services.GetRequiredService<IServiceProviderIsService>();
        var handlers = new List<AppHandler>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = endpoint.RoutePattern.RawText ?? "";
            var signIn = endpoint.Metadata.GetMetadata<IAuthorizeData>() is not null && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null;
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } descriptor)
            {
                var page = descriptor as CompiledPageActionDescriptor ?? await loader.LoadAsync(descriptor, endpoint.Metadata);
                var bound = page.BoundProperties.SelectMany(p => FieldsOf(p.BindingInfo?.BinderModelName ?? p.Name, p.ParameterType, 0)).ToList();
                var methods = page.HandlerMethods.Count > 0
                    ? page.HandlerMethods.Select(h => (h.HttpMethod, h.Name, Parameters: h.Parameters
                        .Where(p => p.BindingInfo?.BindingSource != Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Services)
                        .SelectMany(p => FieldsOf(p.BindingInfo?.BinderModelName ?? p.Name, p.ParameterType, 0))))
                    : [("GET", (string?)null, Parameters: [])];
                handlers.AddRange(methods.Select(m => new AppHandler(
                    PageKey(m.HttpMethod, page.ViewEnginePath, m.Name), route, m.HttpMethod.ToUpperInvariant(), m.Name, [.. bound, .. m.Parameters], signIn)));
            }
            else
            {
                var parameters = endpoint.Metadata.GetMetadata<System.Reflection.MethodInfo>()?.GetParameters()
                    .Where(p => p.ParameterType != typeof(HttpContext) && p.ParameterType != typeof(CancellationToken) && !isService.IsService(p.ParameterType))
                    .SelectMany(p => FieldsOf(p.Name!, p.ParameterType, 0)) ?? [];
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                handlers.AddRange(methods.Where(m => m is "GET" or "POST").Select(m => new AppHandler($"{m} /{route.TrimStart('/')}", route, m, null, [.. parameters], signIn)));
            }
        }

        return handlers;
    }

    // The request names model binding reads for a value of this type: "Input.Title", "Shares[1]", "chosen".
    private static IEnumerable<(string Name, Type Type)> FieldsOf(string name, Type type, int depth)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        if (IsSimple(plain) || typeof(IFormFile).IsAssignableFrom(plain))
        {
            return [(name, plain)];
        }

        if (plain.GetInterfaces().Append(plain).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>)) is { } dictionary)
        {
            var value = dictionary.GetGenericArguments()[1];
            return [($"{name}[1]", value), ($"{name}[x]", value)];
        }

        if (plain != typeof(string) && typeof(IEnumerable).IsAssignableFrom(plain))
        {
            var element = plain.IsArray ? plain.GetElementType()! : plain.GetGenericArguments().FirstOrDefault() ?? typeof(string);
            return IsSimple(Nullable.GetUnderlyingType(element) ?? element) ? [(name, element), ($"{name}[0]", element)] : FieldsOf($"{name}[0]", element, depth + 1);
        }

        return depth > 3 ? [] : plain.GetProperties().Where(p => p.CanWrite).SelectMany(p => FieldsOf($"{name}.{p.Name}", p.PropertyType, depth + 1));
    }

    private static bool IsSimple(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime) || type == typeof(DateTimeOffset)
        || type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(TimeSpan) || type == typeof(Guid);
}

/// <summary>Records which page handlers and endpoints requests really reached (past routing, authorization and antiforgery).</summary>
public sealed class HandlerRecorder : IPageFilter, IStartupFilter, IObserver<KeyValuePair<string, object?>>
{
    private readonly ConcurrentDictionary<string, int> _reached = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Reached => [.. _reached.Keys];

    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context) =>
        _reached.TryAdd(AppHandler.PageKey(context.HandlerMethod?.HttpMethod ?? context.HttpContext.Request.Method, context.ActionDescriptor.ViewEnginePath, context.HandlerMethod?.Name), 0);

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }

    // Endpoints that are not pages count as reached when routing picks them (its diagnostic event says so).
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.ApplicationServices.GetRequiredService<DiagnosticListener>().Subscribe(this, name => name == "Microsoft.AspNetCore.Routing.EndpointMatched");
        next(app);
    };

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Value is HttpContext context && context.GetEndpoint() is RouteEndpoint endpoint && endpoint.Metadata.GetMetadata<ActionDescriptor>() is null)
        {
            _reached.TryAdd($"{context.Request.Method} /{endpoint.RoutePattern.RawText?.TrimStart('/')}", 0);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }
}

/// <summary>The app with a <see cref="HandlerRecorder"/> watching every request.</summary>
public sealed class RecordingAppFactory(TestDatabase database = TestDatabase.Sqlite) : AppFactory(database)
{
    public HandlerRecorder Recorder { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.Configure<RazorPagesOptions>(o => o.Conventions.ConfigureFilter(Recorder));
            services.AddSingleton<IStartupFilter>(Recorder);
        });
    }
}

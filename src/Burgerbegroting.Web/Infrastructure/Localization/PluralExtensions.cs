using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Infrastructure.Localization;

/// <summary>"1 stem", "2 stemmen": a text with a count uses its ".One" variant when the count is one.</summary>
public static class PluralExtensions
{
    public static LocalizedString Count(this IStringLocalizer l, string key, long count, params object[] args)
    {
        if (count == 1 && l[key + ".One", args] is { ResourceNotFound: false } one)
        {
            return one;
        }

        return l[key, args];
    }
}

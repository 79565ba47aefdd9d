using Burgerbegroting.Voting.Stemcodes;

namespace Burgerbegroting.Web.Stemcodes;

/// <summary>The addresses printed on a letter and in its QR code.</summary>
public static class LetterLinks
{
    /// <summary>The name of the fragment parameter the code page reads the code from: <c>#code=XXXX-XXXX-XXXX</c>.</summary>
    public const string FragmentName = "code";

    /// <summary>
    /// The code page with the code in the fragment (<c>…/stemmen/code#code=ABCD-EFGH-JKMN</c>). A browser never sends
    /// the fragment, so the code stays out of the server's and any proxy's request logs; a script on the page copies
    /// it into the field.
    /// </summary>
    public static Uri VoteLink(Uri codePage, string code)
    {
        ArgumentNullException.ThrowIfNull(codePage);
        if (!codePage.IsAbsoluteUri)
        {
            throw new ArgumentException("The code page must be an absolute address.", nameof(codePage));
        }

        var canonical = Stemcode.Normalize(code) ?? throw new ArgumentException("Not a stemcode.", nameof(code));
        return new UriBuilder(codePage) { Fragment = $"{FragmentName}={Stemcode.Format(canonical)}" }.Uri;
    }

    /// <summary>
    /// The code page as printed for typing: without "https://", which browsers add themselves
    /// (<c>stemmen.maastricht.nl/stemmen/code</c>); any other scheme stays.
    /// </summary>
    public static string Printed(Uri codePage)
    {
        ArgumentNullException.ThrowIfNull(codePage);
        var text = codePage.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.Fragment, UriFormat.Unescaped);
        return codePage.Scheme == Uri.UriSchemeHttps ? text["https://".Length..] : text;
    }
}

using System.Globalization;
using Burgerbegroting.Voting.Money;

namespace Burgerbegroting.Web.Infrastructure;

/// <summary>Whole euros as pages show them and as forms offer them to edit.</summary>
public static class Euros
{
    private static readonly CultureInfo Dutch = new("nl-NL");

    /// <summary>"€ 1.500" in Dutch, "€1,500" in English: in the language of the page.</summary>
    public static string Format(long euros) => EuroAmount.Format(euros, CultureInfo.CurrentUICulture);

    /// <summary>An amount in a form field ("1.500"), as <see cref="EuroAmount.TryParse"/> reads it back.</summary>
    public static string ForInput(long euros) => euros.ToString("#,0", Dutch);
}

using System.Globalization;
using System.Net;
using Burgerbegroting.Data.Accounts;
using Burgerbegroting.Voting;
using Burgerbegroting.Web.Editions;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Email;

/// <summary>
/// The mails we send, each in the recipient's language: a plain-text body and the same text as simple HTML.
/// Texts come from the resource files (keys "Mail.*").
/// </summary>
public sealed class EmailTemplates(IStringLocalizer<SharedResource> l)
{
    public EmailMessage ConfirmEmail(AppUser user, string link) =>
        Build(user, "confirm-email", "Mail.Confirm.Subject", ["Mail.Confirm.Body"], link, "Mail.Confirm.Action");

    public EmailMessage PasswordReset(AppUser user, string link) =>
        Build(user, "password-reset", "Mail.Reset.Subject", ["Mail.Reset.Body"], link, "Mail.Reset.Action");

    /// <summary>Someone tried to register with this address: the owner hears it, the form does not say it.</summary>
    public EmailMessage AccountExists(AppUser user, string link) =>
        Build(user, "account-exists", "Mail.AccountExists.Subject", ["Mail.AccountExists.Body", user.Email ?? ""], link, "Mail.AccountExists.Action");

    public EmailMessage StaffInvite(AppUser user, string link, string role) =>
        Build(user, "staff-invite", "Mail.Invite.Subject", ["Mail.Invite.Body", "Role." + role], link, "Mail.Invite.Action");

    public EmailMessage NetworkApproved(AppUser user, string link) =>
        Build(user, "network-approved", "Mail.NetworkApproved.Subject", ["Mail.NetworkApproved.Body", user.OrganisationName ?? ""], link, "Mail.NetworkApproved.Action");

    public EmailMessage NetworkRejected(AppUser user, string reason) =>
        Build(user, "network-rejected", "Mail.NetworkRejected.Subject", ["Mail.NetworkRejected.Body", user.OrganisationName ?? "", reason], null, null);

    /// <summary>The receipt says the vote counts, never what it was (docs/qualities.md, "Email").</summary>
    public EmailMessage BallotReceipt(AppUser user, RoundKind round, string edition, bool replaced) =>
        Build(user, "ballot-receipt", "Mail.Receipt.Subject", [replaced ? "Mail.Receipt.Replaced" : "Mail.Receipt.Body", edition, RoundPages.Of(round).NameKey], null, null);

    public EmailMessage IdeaReceived(AppUser user, string title, string link) =>
        Build(user, "idea-received", "Mail.IdeaReceived.Subject", ["Mail.IdeaReceived.Body", title], link, "Mail.Idea.Action");

    public EmailMessage IdeaAdmitted(AppUser user, string title, long finalCost, string? note, string link) =>
        Build(user, "idea-reviewed", "Mail.IdeaAdmitted.Subject", ["Mail.IdeaAdmitted.Body", title, Money(finalCost, user), note ?? ""], link, "Mail.Idea.Action");

    public EmailMessage IdeaNotAdmitted(AppUser user, string title, string reason, string note, string link) =>
        Build(user, "idea-reviewed", "Mail.IdeaNotAdmitted.Subject", ["Mail.IdeaNotAdmitted.Body", title, "ReviewReason." + reason, note], link, "Mail.Idea.Action");

    public EmailMessage IdeaMoved(AppUser user, string title, string from, string to, string note, string link) =>
        Build(user, "idea-moved", "Mail.IdeaMoved.Subject", ["Mail.IdeaMoved.Body", title, from, to, note], link, "Mail.Idea.Action");

    public EmailMessage IdeaHidden(AppUser user, string title, string reason) =>
        Build(user, "idea-hidden", "Mail.IdeaHidden.Subject", ["Mail.IdeaHidden.Body", title, reason], null, null);

    /// <summary>A round opened: to everyone who asked for updates, with an unsubscribe link.</summary>
    public EmailMessage RoundOpened(AppUser user, RoundKind round, string edition, string link, string unsubscribeLink) =>
        Build(user, "round-opened", "Mail.RoundOpened.Subject", ["Mail.RoundOpened.Body", edition, RoundPages.Of(round).NameKey], link, "Mail.RoundOpened.Action", unsubscribeLink);

    /// <summary>Round results are out: to participants who asked for updates, with an unsubscribe link.</summary>
    public EmailMessage ResultsPublished(AppUser user, RoundKind round, string edition, string link, string unsubscribeLink) =>
        Build(user, "results-published", "Mail.Results.Subject", ["Mail.Results.Body", edition, RoundPages.Of(round).NameKey], link, "Mail.Results.Action", unsubscribeLink);

    /// <summary>Round 4 is published: each submitter of an admitted idea hears whether it won.</summary>
    public EmailMessage IdeaOutcome(AppUser user, string title, bool won, string link) =>
        Build(user, "idea-outcome", won ? "Mail.IdeaWon.Subject" : "Mail.IdeaLost.Subject", [won ? "Mail.IdeaWon.Body" : "Mail.IdeaLost.Body", title], link, "Mail.IdeaOutcome.Action");

    private static string Money(long euros, AppUser user) => Voting.Money.EuroAmount.Format(euros, new CultureInfo(user.PreferredCulture));

    /// <summary>body[0] is the resource key of the paragraph, the rest are its arguments (see IsKey).</summary>
    private EmailMessage Build(AppUser user, string kind, string subjectKey, string[] body, string? link, string? actionKey, string? unsubscribeLink = null)
    {
        var previous = CultureInfo.CurrentUICulture;
        var previousFormat = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(user.PreferredCulture);
            var greeting = l["Mail.Greeting", user.DisplayName].Value;
            var args = body.Skip(1).Select(a => IsKey(a) ? l[a].Value : a).ToArray<object>();
            var paragraph = l[body[0], args].Value;
            var action = actionKey is null ? null : l[actionKey].Value;
            var signature = l["Mail.Signature"].Value;
            var unsubscribe = unsubscribeLink is null ? null : l["Mail.Unsubscribe"].Value;
            var text = string.Join("\n\n", new[] { greeting, paragraph, action is null ? null : $"{action}:\n{link}", signature, unsubscribe is null ? null : $"{unsubscribe}:\n{unsubscribeLink}" }.Where(p => p is not null));
            var html = $"""
                <!DOCTYPE html>
                <html lang="{user.PreferredCulture[..2]}"><body style="font-family: sans-serif; line-height: 1.5">
                <p>{Enc(greeting)}</p>
                <p>{Enc(paragraph)}</p>
                {(link is null ? "" : $"<p><a href=\"{Enc(link)}\">{Enc(action!)}</a></p><p style=\"font-size: 0.9em\">{Enc(link)}</p>")}
                <p>{Enc(signature).Replace("\n", "<br>", StringComparison.Ordinal)}</p>
                {(unsubscribeLink is null ? "" : $"<p style=\"font-size: 0.9em\"><a href=\"{Enc(unsubscribeLink)}\">{Enc(unsubscribe!)}</a></p>")}
                </body></html>
                """;
            return new EmailMessage(user.Email!, l[subjectKey].Value, text, html, kind, unsubscribeLink);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
            CultureInfo.CurrentCulture = previousFormat;
        }
    }

    /// <summary>Arguments that are resource keys themselves (a role, a round, a review reason) are translated too.</summary>
    private static bool IsKey(string argument) =>
        argument.StartsWith("Role.", StringComparison.Ordinal) || argument.StartsWith("Round.", StringComparison.Ordinal) || argument.StartsWith("ReviewReason.", StringComparison.Ordinal);

    private static string Enc(string s) => WebUtility.HtmlEncode(s);
}

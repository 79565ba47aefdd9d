using Burgerbegroting.Data.Ideas;
using Microsoft.Extensions.Localization;

namespace Burgerbegroting.Web.Pages.Ideas;

/// <summary>How an idea's status shows: the resource key of its label and the status badge's colour.</summary>
public static class IdeaDisplay
{
    public static string StatusKey(Idea idea) => "IdeaStatus." + idea.Status;

    public static string Badge(Idea idea) => idea.Status switch
    {
        IdeaStatus.Admitted => "success",
        IdeaStatus.NotAdmitted => "danger",
        IdeaStatus.InReview => "warning",
        _ => "neutral",
    };

    /// <summary>
    /// "ingediend door …": the network's name for ideas of a buurtnetwerk, else the resident's name; once the submitter
    /// deleted their account, no name at all (docs/privacy.md).
    /// </summary>
    public static LocalizedString SubmittedBy(Idea idea, IStringLocalizer l) =>
        idea.Submitter.Erased ? l[idea.ByNetwork ? "Idea.ByErasedNetwork" : "Idea.ByErasedResident"]
        : l[idea.ByNetwork ? "Idea.ByNetwork" : "Idea.ByResident", idea.Submitter.PublicName];

    /// <summary>Who submitted it, for after the label "Ingediend door": the name, the network's name, or who it was once the account is deleted.</summary>
    public static string Submitter(Idea idea, IStringLocalizer l) =>
        idea.Submitter.Erased ? l[idea.ByNetwork ? "Idea.ErasedNetwork" : "Idea.ErasedResident"].Value
        : idea.ByNetwork ? l["Idea.NetworkName", idea.Submitter.PublicName].Value
        : idea.Submitter.PublicName;
}

using Burgerbegroting.Data.Ideas;

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

    /// <summary>The network's name for ideas of a buurtnetwerk, else the resident's name.</summary>
    public static string SubmitterName(Idea idea) => idea.Submitter.PublicName;
}

using Community.Grains.Members;
using Community.Grains.Storage;

namespace Community.Gateway.Contracts;

/// <summary>What of a member a viewer may see, by the member's <see cref="MemberPrivacy"/>.</summary>
public static class DirectoryVisibility
{
    /// <summary>Whether the viewer sees the whole profile, settings included: it is their own, or they are the secretariat.</summary>
    public static bool SeesAll(DirectoryViewer viewer, MemberProfile member) => viewer.SeesEverything || viewer.MemberId == member.Id;

    /// <summary>Whether the viewer sees the member's headline, company and what they are open to.</summary>
    public static bool ShowsFields(DirectoryViewer viewer, MemberProfile member, bool roomMate) =>
        SeesAll(viewer, member) || member.Privacy.FieldsVisibleTo switch
        {
            FieldAudiences.Everyone => true,
            FieldAudiences.RoomMates => roomMate,
            _ => false,
        };

    /// <summary>Whether the viewer may open the member's profile: listed members to all, hidden ones to room-mates only.</summary>
    public static bool Finds(DirectoryViewer viewer, MemberProfile member, bool roomMate) =>
        SeesAll(viewer, member) || member.Privacy.Listed || roomMate;
}

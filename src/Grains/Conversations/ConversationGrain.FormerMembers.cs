using Community.Grains.Errors;

namespace Community.Grains.Conversations;

/// <summary>What a room does when one of its members deleted their account.</summary>
public abstract partial class ConversationGrain
{
    /// <summary>How many of a former member's messages are read at a time while erasing them.</summary>
    private const int ErasedPerRound = 200;

    public async Task SeeOffFormerMemberAsync(string memberId, bool eraseMessages)
    {
        // Read from storage, not from the member's grain: that grain is the one waiting on this call.
        if ((await Services.MemberStore.GetAsync(memberId))?.Profile.Former != true)
            throw CommunityException.Forbidden("only a deleted account leaves this way");
        if (Info is null) return;
        if (eraseMessages) await EraseMessagesFromAsync(memberId);
        await EndFormerMembershipAsync(memberId);
    }

    /// <summary>Each of the member's messages becomes a tombstone, as if they had deleted it: seqs stay dense, replies stay readable.</summary>
    private async Task EraseMessagesFromAsync(string memberId)
    {
        while (await Services.Messages.LiveMessagesFromAsync(Key, memberId, ErasedPerRound) is { Count: > 0 } messages)
        {
            foreach (var message in messages) await TombstoneAsync(message, audit: null);
        }
    }

    /// <summary>A room lets the former member go (its member list and counts no longer hold them).</summary>
    protected virtual async Task EndFormerMembershipAsync(string memberId)
    {
        if (Members.ContainsKey(memberId)) await RemoveMemberAsync(memberId);
    }
}

using System.Diagnostics.CodeAnalysis;
using Community.Grains.Common;
using Community.Grains.Errors;

namespace Community.Grains.Messages;

/// <summary>The contract's limits on what a message may carry.</summary>
internal static class MessageRules
{
    public static void CheckSend([NotNull] SendMessage? send, long lastSeq)
    {
        if (send is null) throw CommunityException.Invalid("message", "is required");
        Check.Length(send.ClientMsgId, "clientMsgId", 1, Limits.ClientMsgIdMax);
        if (send.StampId is not null)
        {
            if (send.Text is not null) throw CommunityException.Invalid("text", "a stamp message has no text");
        }
        else
        {
            CheckText(send.Text);
        }
        if (send.ReplyToSeq is { } reply && (reply < 1 || reply > lastSeq))
            throw CommunityException.Invalid("replyToSeq", "no such message in this room");
    }

    public static string CheckText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw CommunityException.Invalid("text", "is required");
        return Check.Length(text, "text", 1, Limits.TextMax);
    }
}

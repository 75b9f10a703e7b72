using System.Diagnostics.CodeAnalysis;
using Community.Grains.Errors;
using Community.Grains.Text;

namespace Community.Grains.Messages;

/// <summary>The contract's rules on what a message may carry.</summary>
internal static class MessageRules
{
    /// <summary>The send as it is kept (its text normalised), or <c>invalid</c>.</summary>
    public static SendMessage CheckSend([NotNull] SendMessage? send, long lastSeq)
    {
        if (send is null) throw CommunityException.Invalid("message", "is required");
        ClientIds.Check(send.ClientMsgId, "clientMsgId");
        var text = send.Text;
        if (send.StampId is not null)
        {
            ClientIds.Check(send.StampId, "stampId");
            if (send.Text is not null) throw CommunityException.Invalid("text", "a stamp message has no text");
        }
        else
        {
            text = CheckText(send.Text);
        }
        if (send.ReplyToSeq is { } reply && (reply < 1 || reply > lastSeq))
            throw CommunityException.Invalid("replyToSeq", "no such message in this room");
        return text == send.Text ? send : send with { Text = text };
    }

    public static string CheckText(string? text) => FieldRules.MessageText.Check(text, "text");
}

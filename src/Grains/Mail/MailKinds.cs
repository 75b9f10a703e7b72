namespace Community.Grains.Mail;

/// <summary>The kinds of e-mail the network sends; each can be turned off by its own unsubscribe link.</summary>
public static class MailKinds
{
    /// <summary>A summary of the DMs and mentions a member missed while away.</summary>
    public const string Digest = "digest";

    /// <summary>A broadcast of the secretariat, sent by e-mail as well.</summary>
    public const string Broadcast = "broadcast";

    public static bool IsKnown(string kind) => kind is Digest or Broadcast;
}

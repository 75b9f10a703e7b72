namespace Community.Grains.Messages;

/// <summary>
/// Caps that keep one message cheap for everyone who reads it: its reactions travel with it to
/// every reader, and every mention is an event to someone.
/// </summary>
public static class MessageCaps
{
    /// <summary>
    /// Different reactions one member may put on one message. Slack lets a member add 23; 20 is
    /// as many as anyone uses in earnest, and one member alone cannot fill a message's
    /// <see cref="ReactionKeysPerMessage"/>.
    /// </summary>
    public const int ReactionsPerMember = 20;

    /// <summary>
    /// Different reaction keys on one message, all members together (Slack's figure too): at
    /// most about 2 KB of reactions per message for every reader, where one member once put 400 KB.
    /// </summary>
    public const int ReactionKeysPerMessage = 50;

    /// <summary>
    /// Different <c>@handle</c>s one message may mention. Each is an event and a notification to
    /// someone; a message for more people than this is what talk rooms and broadcasts are for.
    /// </summary>
    public const int MentionsPerMessage = 20;
}

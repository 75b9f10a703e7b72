namespace Community.Grains.Mail;

/// <summary>
/// A member's e-mail: the address (null when they gave none), whether they get digests of what they missed and the
/// secretariat's broadcasts by e-mail, and the language of those e-mails (null: Japanese with English below).
/// Kept apart from the profile, so that no directory listing can carry the address.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record MailSettings(
    [property: Id(0)] string? Address,
    [property: Id(1)] bool Digests,
    [property: Id(2)] bool BroadcastMail,
    [property: Id(3)] string? Language)
{
    /// <summary>What a member has before they set anything: no address, both kinds of e-mail on once they give one.</summary>
    public static readonly MailSettings Default = new(null, Digests: true, BroadcastMail: true, Language: null);
}

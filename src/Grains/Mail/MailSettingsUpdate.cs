namespace Community.Grains.Mail;

/// <summary>A partial change of a member's e-mail settings: null fields are left as they are; an empty address removes it.</summary>
[GenerateSerializer, Immutable]
public sealed record MailSettingsUpdate(
    [property: Id(0)] string? Address = null,
    [property: Id(1)] bool? Digests = null,
    [property: Id(2)] bool? BroadcastMail = null,
    [property: Id(3)] string? Language = null);

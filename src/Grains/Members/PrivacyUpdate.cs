namespace Community.Grains.Members;

/// <summary>A partial change of a member's directory privacy: null fields are left as they are.</summary>
[GenerateSerializer, Immutable]
public sealed record PrivacyUpdate(
    [property: Id(0)] string? FieldsVisibleTo = null,
    [property: Id(1)] bool? Listed = null);

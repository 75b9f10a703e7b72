namespace Community.Grains.Members;

/// <summary>A partial profile change: null fields are left as they are.</summary>
[GenerateSerializer, Immutable]
public sealed record ProfileUpdate(
    [property: Id(0)] string? DisplayName = null,
    [property: Id(1)] string? Headline = null,
    [property: Id(2)] string? Bio = null,
    [property: Id(3)] string? CurrentCompany = null,
    [property: Id(4)] IReadOnlyList<string>? FormerDepartments = null,
    [property: Id(5)] IReadOnlyList<string>? Tags = null,
    [property: Id(6)] string? Status = null,
    [property: Id(7)] PrivacyUpdate? Privacy = null,
    [property: Id(8)] IReadOnlyList<string>? OpenTo = null);

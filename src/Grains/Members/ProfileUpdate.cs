namespace Community.Grains.Members;

/// <summary>A partial profile change: null fields are left as they are.</summary>
public sealed record ProfileUpdate(
    string? DisplayName = null,
    string? Headline = null,
    string? Bio = null,
    string? CurrentCompany = null,
    IReadOnlyList<string>? FormerDepartments = null,
    IReadOnlyList<string>? Tags = null,
    string? Status = null);

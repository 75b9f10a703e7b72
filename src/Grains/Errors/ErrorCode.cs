namespace Community.Grains.Errors;

/// <summary>The error codes of the client contract.</summary>
[GenerateSerializer]
public enum ErrorCode
{
    Unauthorized,
    Forbidden,
    NotFound,
    Invalid,
    Conflict,
    RateLimited,
    TooLarge,
}

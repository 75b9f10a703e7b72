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

    /// <summary>The server could not reach the part of the cluster that holds the data (a node died); nothing is lost, try again shortly.</summary>
    Unavailable,
}

namespace Community.Grains.Errors;

/// <summary>
/// A refusal the client should see: carries a contract error code and a message that says
/// what was wrong (for <see cref="ErrorCode.Invalid"/>, which field).
/// </summary>
public sealed class CommunityException(ErrorCode code, string message, TimeSpan? retryAfter = null) : Exception(message)
{
    public ErrorCode Code { get; } = code;

    /// <summary>For <see cref="ErrorCode.RateLimited"/>: when the client may try again.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    public static CommunityException Forbidden(string message) => new(ErrorCode.Forbidden, message);
    public static CommunityException NotFound(string message) => new(ErrorCode.NotFound, message);
    public static CommunityException Invalid(string field, string message) => new(ErrorCode.Invalid, $"{field}: {message}");
    public static CommunityException Conflict(string message) => new(ErrorCode.Conflict, message);
    public static CommunityException Unauthorized(string message) => new(ErrorCode.Unauthorized, message);
    public static CommunityException RateLimited(string message, TimeSpan retryAfter) => new(ErrorCode.RateLimited, message, retryAfter);
    public static CommunityException TooLarge(string message) => new(ErrorCode.TooLarge, message);
}

namespace Community.Grains.Errors;

/// <summary>
/// A refusal the client should see: carries a contract error code and a message that says
/// what was wrong (for <see cref="ErrorCode.Invalid"/>, which field). Crosses grain calls as itself.
/// </summary>
[GenerateSerializer]
public sealed class CommunityException : Exception
{
    public CommunityException(ErrorCode code, string message, TimeSpan? retryAfter = null) : base(message)
    {
        Code = code;
        RetryAfter = retryAfter;
    }

    [Id(0)]
    public ErrorCode Code { get; private set; }

    /// <summary>For <see cref="ErrorCode.RateLimited"/> and <see cref="ErrorCode.Unavailable"/>: when the client may try again.</summary>
    [Id(1)]
    public TimeSpan? RetryAfter { get; private set; }

    public static CommunityException Forbidden(string message) => new(ErrorCode.Forbidden, message);

    public static CommunityException NotFound(string message) => new(ErrorCode.NotFound, message);

    public static CommunityException Invalid(string field, string message) => new(ErrorCode.Invalid, $"{field}: {message}");

    public static CommunityException Conflict(string message) => new(ErrorCode.Conflict, message);

    public static CommunityException Unauthorized(string message) => new(ErrorCode.Unauthorized, message);

    public static CommunityException RateLimited(string message, TimeSpan retryAfter) => new(ErrorCode.RateLimited, message, retryAfter);

    public static CommunityException TooLarge(string message) => new(ErrorCode.TooLarge, message);

    public static CommunityException Unavailable(string message, TimeSpan retryAfter) => new(ErrorCode.Unavailable, message, retryAfter);
}

namespace Community.Grains.Errors;

public static class ErrorCodeExtensions
{
    /// <summary>The code as clients see it: <c>not_found</c>, <c>rate_limited</c>…</summary>
    public static string ToWire(this ErrorCode code) => code switch
    {
        ErrorCode.Unauthorized => "unauthorized",
        ErrorCode.Forbidden => "forbidden",
        ErrorCode.NotFound => "not_found",
        ErrorCode.Invalid => "invalid",
        ErrorCode.Conflict => "conflict",
        ErrorCode.RateLimited => "rate_limited",
        ErrorCode.TooLarge => "too_large",
        ErrorCode.Unavailable => "unavailable",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
    };

    public static int ToHttpStatus(this ErrorCode code) => code switch
    {
        ErrorCode.Unauthorized => 401,
        ErrorCode.Forbidden => 403,
        ErrorCode.NotFound => 404,
        ErrorCode.Invalid => 400,
        ErrorCode.Conflict => 409,
        ErrorCode.RateLimited => 429,
        ErrorCode.TooLarge => 413,
        ErrorCode.Unavailable => 503,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
    };
}

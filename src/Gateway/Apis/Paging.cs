using Community.Grains.Common;
using Community.Grains.Errors;

namespace Community.Gateway.Apis;

internal static class Paging
{
    public static int Limit(int? limit) => limit switch
    {
        null => Limits.PageDefault,
        < 1 or > Limits.PageMax => throw CommunityException.Invalid("limit", $"must be between 1 and {Limits.PageMax}"),
        _ => limit.Value,
    };
}

using Community.Gateway.Auth;
using Community.Grains.Errors;
using Community.Grains.Stats;
using Community.Grains.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Community.Gateway.Apis;

public static class StatsApi
{
    private const int TopRooms = 10;

    public static RouteGroupBuilder MapStatsApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").RequireAuthorization(AuthPolicies.Secretariat);
        admin.MapGet("/stats", GetStatsAsync);
        admin.MapGet("/broadcasts/{seq:long}/reach", GetBroadcastReachAsync);
        return admin;
    }

    public static async Task<Ok<NetworkStats>> GetStatsAsync(IStatsStore stats, TimeProvider time) =>
        TypedResults.Ok(await stats.GetAsync(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), TopRooms));

    public static async Task<Ok<BroadcastReach>> GetBroadcastReachAsync(long seq, IStatsStore stats) =>
        TypedResults.Ok(await stats.GetBroadcastReachAsync(seq) ?? throw CommunityException.NotFound($"no broadcast post {seq}"));
}

using Community.Gateway.Auth;
using Community.Gateway.Contracts;
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
        admin.MapGet("/stats/daily", GetDailyStatsAsync);
        admin.MapGet("/broadcasts/{seq:long}/reach", GetBroadcastReachAsync);
        return admin;
    }

    public static async Task<Ok<NetworkStats>> GetStatsAsync(IStatsStore stats, IOpportunityStore opportunities, INetworkEventStore events, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var figures = await stats.GetAsync(DateOnly.FromDateTime(now.UtcDateTime), TopRooms);
        return TypedResults.Ok(figures with { Opportunities = await opportunities.StatsAsync(now), Events = await events.StatsAsync(now) });
    }

    /// <summary>One UTC day's figures: members active that day, and messages sent.</summary>
    public sealed record DailyActivity(DateOnly Day, int Active, int Messages);

    /// <summary>Active members and messages per UTC day, for the last <c>days</c> days (90 unless given, at most 365), oldest first.</summary>
    public static async Task<Ok<ItemList<DailyActivity>>> GetDailyStatsAsync(int? days, IStatsStore stats, TimeProvider time)
    {
        var count = days ?? 90;
        if (count is < 1 or > 365) throw CommunityException.Invalid("days", "must be between 1 and 365");
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var items = new List<DailyActivity>(count);
        // The store answers per day ("day" of the figures as of that day); a series query of its own would be one round trip.
        for (var back = count - 1; back >= 0; back--)
        {
            var day = today.AddDays(-back);
            var figures = await stats.GetAsync(day, topRooms: 0);
            items.Add(new DailyActivity(day, figures.Active.Day, figures.Messages.Day));
        }
        return TypedResults.Ok(new ItemList<DailyActivity>(items));
    }

    public static async Task<Ok<BroadcastReach>> GetBroadcastReachAsync(long seq, IStatsStore stats) =>
        TypedResults.Ok(await stats.GetBroadcastReachAsync(seq) ?? throw CommunityException.NotFound($"no broadcast post {seq}"));
}

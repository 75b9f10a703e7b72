using System.Text.Json;
using Community.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Community.Tests.Gateway;

/// <summary>
/// The secretariat's statistics. Each test starts a node of its own, so the counts are exactly
/// its own, on a clock of its own (mid-morning UTC), so no test straddles midnight.
/// </summary>
public sealed class StatsTests
{
    private static readonly DateTimeOffset Morning = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_statistics_have_every_figure_of_the_contract()
    {
        await using var node = await StartAsync(new ManualTimeProvider(Morning));
        var secretariat = await new Network(node).SecretariatAsync();

        var stats = await StatsAsync(secretariat);

        Assert.Equal(1, stats.GetProperty("members").GetInt32());
        foreach (var period in new[] { "day", "week", "month" })
        {
            Assert.Equal(JsonValueKind.Number, stats.GetProperty("active").GetProperty(period).ValueKind);
            Assert.Equal(JsonValueKind.Number, stats.GetProperty("messages").GetProperty(period).ValueKind);
        }
        Assert.Equal(JsonValueKind.Number, stats.GetProperty("posters").GetProperty("month").ValueKind);
        Assert.Equal(JsonValueKind.Array, stats.GetProperty("topRooms").ValueKind);
    }

    [Fact]
    public async Task A_member_who_posts_five_times_and_connects_twice_in_a_day_counts_once_as_active_and_once_as_a_poster()
    {
        await using var node = await StartAsync(new ManualTimeProvider(Morning));
        var network = new Network(node);
        var secretariat = await network.SecretariatAsync();
        var alice = await network.JoinAsync("alice");
        var room = await Steps.RoomWithAsync(alice);

        await using (var hub = await node.ConnectAsync(alice))
        {
            for (var i = 1; i <= 5; i++) await hub.SendTextAsync(room, $"投稿 {i}");
        }
        await using (await node.ConnectAsync(alice))
        {
        }

        var stats = await StatsAsync(secretariat);
        Assert.Equal(2, stats.GetProperty("members").GetInt32());
        Assert.Equal((1, 1, 1), Periods(stats, "active"));
        Assert.Equal(1, stats.GetProperty("posters").GetProperty("month").GetInt32());
        Assert.Equal((5, 5, 5), Periods(stats, "messages"));
    }

    [Fact]
    public async Task A_member_who_only_connects_counts_as_active_but_not_as_a_poster()
    {
        await using var node = await StartAsync(new ManualTimeProvider(Morning));
        var network = new Network(node);
        var secretariat = await network.SecretariatAsync();
        var bob = await network.JoinAsync("bob");

        await using (await node.ConnectAsync(bob))
        {
        }

        var stats = await StatsAsync(secretariat);
        Assert.Equal((1, 1, 1), Periods(stats, "active"));
        Assert.Equal(0, stats.GetProperty("posters").GetProperty("month").GetInt32());
        Assert.Equal((0, 0, 0), Periods(stats, "messages"));
    }

    [Fact]
    public async Task Message_counts_go_up_by_the_number_of_messages_sent()
    {
        await using var node = await StartAsync(new ManualTimeProvider(Morning));
        var network = new Network(node);
        var secretariat = await network.SecretariatAsync();
        var (alice, bob) = (await network.JoinAsync("alice"), await network.JoinAsync("bob"));
        var room = await Steps.RoomWithAsync(alice, bob);
        await using var aliceHub = await node.ConnectAsync(alice);
        await using var bobHub = await node.ConnectAsync(bob);
        await using var secretariatHub = await node.ConnectAsync(secretariat);
        await aliceHub.SendTextAsync(room, "最初の投稿");
        var before = Periods(await StatsAsync(secretariat), "messages");

        await aliceHub.SendTextAsync(room, "二つ目");
        await bobHub.SendTextAsync(room, "三つ目");
        await secretariatHub.SendTextAsync(Steps.Broadcast, "お知らせ");

        var after = Periods(await StatsAsync(secretariat), "messages");
        Assert.Equal((1, 1, 1), before);
        Assert.Equal((before.Day + 3, before.Week + 3, before.Month + 3), after);
    }

    [Fact]
    public async Task Top_rooms_are_ordered_by_their_message_count()
    {
        await using var node = await StartAsync(new ManualTimeProvider(Morning));
        var network = new Network(node);
        var secretariat = await network.SecretariatAsync();
        var alice = await network.JoinAsync("alice");
        var quiet = (await Steps.CreateRoomAsync(alice, "静かな部屋")).Str("id");
        var busy = (await Steps.CreateRoomAsync(alice, "にぎやかな部屋")).Str("id");
        var busier = (await Steps.CreateRoomAsync(alice, "一番にぎやかな部屋")).Str("id");
        await using var hub = await node.ConnectAsync(alice);
        foreach (var (room, count) in new[] { (quiet, 1), (busy, 3), (busier, 5) })
        {
            for (var i = 1; i <= count; i++) await hub.SendTextAsync(room, $"投稿 {i}");
        }

        var top = (await StatsAsync(secretariat)).GetProperty("topRooms").EnumerateArray()
            .Select(r => (r.Str("roomId"), r.Str("name"), r.GetProperty("messages").GetInt32())).ToArray();

        Assert.Equal([(busier, "一番にぎやかな部屋", 5), (busy, "にぎやかな部屋", 3), (quiet, "静かな部屋", 1)], top);
    }

    [Fact]
    public async Task The_daily_series_has_one_entry_per_day_oldest_first_with_each_days_active_members_and_messages()
    {
        var clock = new ManualTimeProvider(Morning);
        await using var node = await StartAsync(clock);
        var network = new Network(node);
        var secretariat = await network.SecretariatAsync();
        var alice = await network.JoinAsync("alice");
        var room = await Steps.RoomWithAsync(alice);
        await using (var hub = await node.ConnectAsync(alice))
        {
            await hub.SendTextAsync(room, "二日前");
        }
        clock.Advance(TimeSpan.FromDays(2));
        await using (var hub = await node.ConnectAsync(alice))
        {
            await hub.SendTextAsync(room, "今日");
            await hub.SendTextAsync(room, "今日、その二");
        }

        var response = await secretariat.Http.GetAsync("/api/admin/stats/daily?days=5").WaitAsync(TimeSpan.FromSeconds(30));
        var days = (await response.ReadJsonAsync()).Items()
            .Select(d => (d.Str("day"), d.GetProperty("active").GetInt32(), d.GetProperty("messages").GetInt32())).ToArray();

        Assert.Equal([("2026-03-08", 0, 0), ("2026-03-09", 0, 0), ("2026-03-10", 1, 1), ("2026-03-11", 0, 0), ("2026-03-12", 1, 2)], days);
    }

    [Fact]
    public async Task Earlier_days_count_in_the_week_and_the_month_but_not_in_the_day()
    {
        var clock = new ManualTimeProvider(Morning);
        await using var node = await StartAsync(clock);
        var network = new Network(node);
        var secretariat = await network.SecretariatAsync();
        var (alice, bob, carol) = (await network.JoinAsync("alice"), await network.JoinAsync("bob"), await network.JoinAsync("carol"));
        var room = await Steps.RoomWithAsync(alice, bob);

        // Day 0: Alice posts twice. Day 10: Bob posts once. Day 12: Carol only connects.
        await using (var hub = await node.ConnectAsync(alice))
        {
            await hub.SendTextAsync(room, "十二日前");
            await hub.SendTextAsync(room, "十二日前、その二");
        }
        clock.Advance(TimeSpan.FromDays(10));
        await using (var hub = await node.ConnectAsync(bob))
        {
            await hub.SendTextAsync(room, "二日前");
        }
        clock.Advance(TimeSpan.FromDays(2));
        await using (await node.ConnectAsync(carol))
        {
        }

        var stats = await StatsAsync(secretariat);
        Assert.Equal((1, 2, 3), Periods(stats, "active"));
        Assert.Equal(2, stats.GetProperty("posters").GetProperty("month").GetInt32());
        Assert.Equal((0, 1, 3), Periods(stats, "messages"));
    }

    [Fact]
    public async Task The_figures_survive_a_restart()
    {
        var dataPath = CommunityNode.NewDataPath();
        try
        {
            string before;
            TestMember secretariat;
            await using (var node = await StartAsync(new ManualTimeProvider(Morning), dataPath))
            {
                var network = new Network(node);
                secretariat = await network.SecretariatAsync();
                var (alice, bob) = (await network.JoinAsync("alice"), await network.JoinAsync("bob"));
                var room = await Steps.RoomWithAsync(alice, bob);
                await using (var hub = await node.ConnectAsync(alice))
                {
                    for (var i = 1; i <= 3; i++) await hub.SendTextAsync(room, $"再起動前 {i}");
                }
                await using (await node.ConnectAsync(bob))
                {
                }
                var stats = await StatsAsync(secretariat);
                Assert.Equal((3, 2, 1, 3), (stats.GetProperty("members").GetInt32(), Periods(stats, "active").Day,
                    stats.GetProperty("posters").GetProperty("month").GetInt32(), Periods(stats, "messages").Day));
                before = stats.GetRawText();
            }

            await using (var node = await StartAsync(new ManualTimeProvider(Morning.AddHours(1)), dataPath))
            {
                var after = await StatsAsync(secretariat with { Http = node.ClientFor(secretariat.Token) });

                Assert.Equal(before, after.GetRawText());
            }
        }
        finally
        {
            CommunityNode.DeleteData(dataPath);
        }
    }

    [Fact]
    public async Task Only_the_secretariat_sees_the_statistics()
    {
        await using var node = await StartAsync(new ManualTimeProvider(Morning));
        var alice = await new Network(node).JoinAsync("alice");

        var response = await alice.Http.GetAsync("/api/admin/stats");

        await response.AssertForbiddenAsync();
    }

    private static Task<CommunityNode> StartAsync(ManualTimeProvider clock, string? dataPath = null) =>
        CommunityNode.StartAsync(dataPath, configure: builder => builder.Services.AddSingleton<TimeProvider>(clock));

    private static Task<JsonElement> StatsAsync(TestMember secretariat) => Steps.GetAsync(secretariat, "/api/admin/stats");

    private static (int Day, int Week, int Month) Periods(JsonElement stats, string figure)
    {
        var counts = stats.GetProperty(figure);
        return (counts.GetProperty("day").GetInt32(), counts.GetProperty("week").GetInt32(), counts.GetProperty("month").GetInt32());
    }
}

using Orleans;
using Orleans.Runtime;

namespace Community.Tests.Silo.Storage;

/// <summary>
/// What Orleans expects of a reminder table, run against ours on SQLite and Orleans' ADO.NET one on
/// PostgreSQL: rows per service and grain, an ETag that every upsert moves on and a removal must hold,
/// and reads by range of grain hash (begin exclusive, end inclusive) that wrap round the ring.
/// </summary>
public abstract class ReminderTableContract(ReminderTableFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>A UTC time with milliseconds, which both tables keep exactly.</summary>
    private static readonly DateTime T0 = new(2026, 11, 21, 0, 30, 15, 123, DateTimeKind.Utc);

    [Fact]
    public async Task A_grain_without_reminders_reads_none_and_a_missing_reminder_reads_as_null()
    {
        var table = await NewTableAsync();
        var grain = NewGrain();

        Assert.Empty((await table.ReadRows(grain).WaitAsync(Timeout)).Reminders);
        Assert.Null(await table.ReadRow(grain, "meetup").WaitAsync(Timeout));
    }

    [Fact]
    public async Task An_upserted_reminder_reads_back_with_its_start_period_and_etag()
    {
        var table = await NewTableAsync();
        var grain = NewGrain();

        var etag = await table.UpsertRow(Entry(grain, "meetup", T0, TimeSpan.FromMinutes(90))).WaitAsync(Timeout);

        Assert.False(string.IsNullOrEmpty(etag));
        var row = await table.ReadRow(grain, "meetup").WaitAsync(Timeout);
        Assert.NotNull(row);
        Assert.Equal(grain, row.GrainId);
        Assert.Equal("meetup", row.ReminderName);
        Assert.Equal(T0, row.StartAt);
        Assert.Equal(DateTimeKind.Utc, row.StartAt.Kind);
        Assert.Equal(TimeSpan.FromMinutes(90), row.Period);
        Assert.Equal(etag, row.ETag);
        var rows = (await table.ReadRows(grain).WaitAsync(Timeout)).Reminders;
        Assert.Equal(etag, Assert.Single(rows).ETag);
    }

    [Fact]
    public async Task Upserting_again_replaces_start_and_period_and_moves_the_etag_on()
    {
        var table = await NewTableAsync();
        var grain = NewGrain();
        var first = await table.UpsertRow(Entry(grain, "meetup", T0, TimeSpan.FromMinutes(1))).WaitAsync(Timeout);

        var second = await table.UpsertRow(Entry(grain, "meetup", T0.AddDays(1), TimeSpan.FromHours(1))).WaitAsync(Timeout);

        Assert.NotEqual(first, second);
        var row = Assert.Single((await table.ReadRows(grain).WaitAsync(Timeout)).Reminders);
        Assert.Equal(T0.AddDays(1), row.StartAt);
        Assert.Equal(TimeSpan.FromHours(1), row.Period);
        Assert.Equal(second, row.ETag);
    }

    [Fact]
    public async Task Removing_with_the_current_etag_removes_the_reminder_and_says_so()
    {
        var table = await NewTableAsync();
        var grain = NewGrain();
        var etag = await table.UpsertRow(Entry(grain, "meetup", T0, TimeSpan.FromMinutes(1))).WaitAsync(Timeout);

        Assert.True(await table.RemoveRow(grain, "meetup", etag!).WaitAsync(Timeout));

        Assert.Null(await table.ReadRow(grain, "meetup").WaitAsync(Timeout));
        Assert.False(await table.RemoveRow(grain, "meetup", etag!).WaitAsync(Timeout));
    }

    [Fact]
    public async Task Removing_with_a_stale_etag_keeps_the_reminder_and_says_it_did_not_remove()
    {
        var table = await NewTableAsync();
        var grain = NewGrain();
        var stale = await table.UpsertRow(Entry(grain, "meetup", T0, TimeSpan.FromMinutes(1))).WaitAsync(Timeout);
        var current = await table.UpsertRow(Entry(grain, "meetup", T0, TimeSpan.FromMinutes(2))).WaitAsync(Timeout);

        Assert.False(await table.RemoveRow(grain, "meetup", stale!).WaitAsync(Timeout));

        Assert.Equal(current, (await table.ReadRow(grain, "meetup").WaitAsync(Timeout))?.ETag);
    }

    [Fact]
    public async Task A_grain_reads_only_its_own_reminders_and_each_by_name()
    {
        var table = await NewTableAsync();
        var grain = NewGrain();
        var other = NewGrain();
        await table.UpsertRow(Entry(grain, "meetup", T0, TimeSpan.FromMinutes(1))).WaitAsync(Timeout);
        await table.UpsertRow(Entry(grain, "digest", T0, TimeSpan.FromMinutes(2))).WaitAsync(Timeout);
        await table.UpsertRow(Entry(other, "meetup", T0, TimeSpan.FromMinutes(3))).WaitAsync(Timeout);

        var rows = (await table.ReadRows(grain).WaitAsync(Timeout)).Reminders;

        Assert.Equal(["digest", "meetup"], rows.Select(r => r.ReminderName).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal(grain, r.GrainId));
        Assert.Equal(TimeSpan.FromMinutes(3), (await table.ReadRow(other, "meetup").WaitAsync(Timeout))?.Period);
    }

    [Fact]
    public async Task A_range_holds_the_grains_hashed_after_its_begin_up_to_and_including_its_end()
    {
        var (table, ring) = await RingAsync();

        await AssertRangeAsync(table, ring[10].Hash, ring[20].Hash, expected: ring[11..21]);
    }

    [Fact]
    public async Task A_range_whose_begin_is_past_its_end_wraps_round_the_ring()
    {
        var (table, ring) = await RingAsync();

        await AssertRangeAsync(table, ring[^5].Hash, ring[3].Hash, expected: [.. ring[^4..], .. ring[..4]]);
    }

    [Fact]
    public async Task A_range_from_a_hash_to_itself_is_the_whole_ring()
    {
        var (table, ring) = await RingAsync();

        await AssertRangeAsync(table, ring[7].Hash, ring[7].Hash, expected: ring);
    }

    [Fact]
    public async Task A_range_across_the_middle_of_the_ring_holds_the_grains_on_both_sides_of_it()
    {
        // The ADO.NET table compares hashes as signed integers, where 2^31 is where the ring's order turns over.
        var (table, ring) = await RingAsync();
        var middle = Array.FindIndex(ring, g => g.Hash >= 1u << 31);

        await AssertRangeAsync(table, ring[middle - 3].Hash, ring[middle + 2].Hash, expected: ring[(middle - 2)..(middle + 3)]);
    }

    [Fact]
    public async Task Services_sharing_a_database_see_only_their_own_reminders()
    {
        var table = await NewTableAsync();
        var otherService = await NewTableAsync();
        var grain = NewGrain();
        await table.UpsertRow(Entry(grain, "meetup", T0, TimeSpan.FromMinutes(1))).WaitAsync(Timeout);

        Assert.Null(await otherService.ReadRow(grain, "meetup").WaitAsync(Timeout));
        Assert.Empty((await otherService.ReadRows(0, 0).WaitAsync(Timeout)).Reminders);
        await otherService.TestOnlyClearTable().WaitAsync(Timeout);
        Assert.NotNull(await table.ReadRow(grain, "meetup").WaitAsync(Timeout));
    }

    [Fact]
    public async Task A_second_node_reads_the_reminders_the_first_wrote_and_removes_them_with_their_etag()
    {
        var serviceId = NewServiceId();
        var first = await fixture.CreateTableAsync(serviceId).WaitAsync(Timeout);
        var grain = NewGrain();
        var etag = await first.UpsertRow(Entry(grain, "meetup", T0, TimeSpan.FromMinutes(1))).WaitAsync(Timeout);

        var second = await fixture.CreateTableAsync(serviceId).WaitAsync(Timeout);

        Assert.Equal(etag, (await second.ReadRow(grain, "meetup").WaitAsync(Timeout))?.ETag);
        Assert.True(await second.RemoveRow(grain, "meetup", etag!).WaitAsync(Timeout));
        Assert.Empty((await first.ReadRows(grain).WaitAsync(Timeout)).Reminders);
    }

    private static string NewServiceId() => "reminders-" + Guid.NewGuid().ToString("N");

    private Task<IReminderTable> NewTableAsync() => fixture.CreateTableAsync(NewServiceId()).WaitAsync(Timeout);

    private static GrainId NewGrain() => GrainId.Create("room", "r_" + Guid.NewGuid().ToString("N"));

    private static ReminderEntry Entry(GrainId grain, string name, DateTime startAt, TimeSpan period) =>
        new() { GrainId = grain, ReminderName = name, StartAt = startAt, Period = period };

    /// <summary>
    /// A table holding one reminder for each of 64 grains with fixed keys (so fixed hashes), sorted by
    /// hash, with grains on both sides of the middle of the ring.
    /// </summary>
    private async Task<(IReminderTable Table, RingGrain[] Ring)> RingAsync()
    {
        var table = await NewTableAsync();
        var ring = Enumerable.Range(0, 64)
            .Select(i => GrainId.Create("room", $"r_ring_{i}"))
            .Select(g => new RingGrain(g, g.GetUniformHashCode()))
            .OrderBy(g => g.Hash)
            .ToArray();
        Assert.Equal(64, ring.Select(g => g.Hash).Distinct().Count());
        Assert.InRange(Array.FindIndex(ring, g => g.Hash >= 1u << 31), 8, 56);
        await Task.WhenAll(ring.Select(g => table.UpsertRow(Entry(g.Grain, "meetup", T0, TimeSpan.FromMinutes(1))))).WaitAsync(Timeout);
        return (table, ring);
    }

    private static async Task AssertRangeAsync(IReminderTable table, uint begin, uint end, RingGrain[] expected)
    {
        var rows = (await table.ReadRows(begin, end).WaitAsync(Timeout)).Reminders;

        Assert.Equal(expected.Select(g => g.Grain.ToString()).Order(StringComparer.Ordinal), rows.Select(r => r.GrainId.ToString()).Order(StringComparer.Ordinal));
    }

    private sealed record RingGrain(GrainId Grain, uint Hash);
}

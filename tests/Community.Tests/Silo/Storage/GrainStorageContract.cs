using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace Community.Tests.Silo.Storage;

/// <summary>
/// What Orleans expects of a grain storage provider, run against ours on SQLite and Orleans' ADO.NET
/// one on PostgreSQL: the ETag is the stored version, and a write or clear that does not hold it fails
/// with <see cref="InconsistentStateException"/>, so a stale activation can never overwrite state.
/// </summary>
public abstract class GrainStorageContract(GrainStorageFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private const string StateName = "profile";

    private IGrainStorage Storage => fixture.Storage;

    [Fact]
    public async Task Reading_a_grain_that_never_wrote_gives_a_new_state_no_etag_and_no_record()
    {
        var read = await ReadAsync(NewGrain());

        Assert.NotNull(read.State);
        Assert.Equal(0, read.State!.Count);
        Assert.Null(read.ETag);
        Assert.False(read.RecordExists);
    }

    [Fact]
    public async Task A_written_state_reads_back_with_the_etag_the_write_returned()
    {
        var grain = NewGrain();
        var written = await WriteAsync(grain, new GrainState<TestGrainState>(State(3, "山田 花子", "reunion", "旧開発部")));

        var read = await ReadAsync(grain);

        Assert.NotNull(written.ETag);
        Assert.True(written.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.True(read.RecordExists);
        Assert.Equal(3, read.State!.Count);
        Assert.Equal("山田 花子", read.State!.Text);
        Assert.Equal(["reunion", "旧開発部"], read.State!.Tags);
    }

    [Fact]
    public async Task Each_write_moves_the_etag_on_and_the_last_write_is_what_reads_back()
    {
        var grain = NewGrain();
        var state = await WriteAsync(grain, new GrainState<TestGrainState>(State(1)));
        var first = state.ETag;

        state.State = State(2);
        await WriteAsync(grain, state);

        Assert.NotEqual(first, state.ETag);
        var read = await ReadAsync(grain);
        Assert.Equal(2, read.State!.Count);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_throws_inconsistent_state_and_keeps_the_stored_state()
    {
        var grain = NewGrain();
        var current = await WriteAsync(grain, new GrainState<TestGrainState>(State(1)));
        var stale = new GrainState<TestGrainState>(State(99), current.ETag);
        current.State = State(2);
        await WriteAsync(grain, current);

        await Assert.ThrowsAsync<InconsistentStateException>(() => WriteAsync(grain, stale));

        var read = await ReadAsync(grain);
        Assert.Equal(2, read.State!.Count);
        Assert.Equal(current.ETag, read.ETag);
    }

    [Fact]
    public async Task A_write_without_an_etag_throws_inconsistent_state_when_another_activation_wrote_first()
    {
        var grain = NewGrain();
        var first = await ReadAsync(grain);
        var second = await ReadAsync(grain);
        first.State = State(1);
        await WriteAsync(grain, first);

        second.State = State(2);
        await Assert.ThrowsAsync<InconsistentStateException>(() => WriteAsync(grain, second));

        Assert.Equal(1, (await ReadAsync(grain)).State!.Count);
    }

    [Fact]
    public async Task A_write_with_an_etag_throws_inconsistent_state_when_nothing_is_stored()
    {
        var grain = NewGrain();

        await Assert.ThrowsAsync<InconsistentStateException>(() => WriteAsync(grain, new GrainState<TestGrainState>(State(1), "1")));

        Assert.False((await ReadAsync(grain)).RecordExists);
    }

    [Fact]
    public async Task Two_writers_holding_the_same_etag_race_and_exactly_one_wins()
    {
        var grain = NewGrain();
        var stored = await WriteAsync(grain, new GrainState<TestGrainState>(State(0)));
        var writers = Enumerable.Range(1, 4).Select(i => new GrainState<TestGrainState>(State(i), stored.ETag)).ToArray();

        var outcomes = await Task.WhenAll(writers.Select(async w =>
        {
            try
            {
                await WriteAsync(grain, w);
                return w.State!.Count;
            }
            catch (InconsistentStateException)
            {
                return -1;
            }
        })).WaitAsync(Timeout);

        var winner = Assert.Single(outcomes, o => o > 0);
        Assert.Equal(winner, (await ReadAsync(grain)).State!.Count);
    }

    [Fact]
    public async Task Clearing_keeps_no_state_and_gives_a_new_etag_that_a_read_also_sees()
    {
        var grain = NewGrain();
        var state = await WriteAsync(grain, new GrainState<TestGrainState>(State(5, "to be cleared")));
        var written = state.ETag;

        await ClearAsync(Storage, grain, state);

        Assert.False(state.RecordExists);
        Assert.Equal(0, state.State!.Count);
        Assert.NotNull(state.ETag);
        Assert.NotEqual(written, state.ETag);
        var read = await ReadAsync(grain);
        Assert.False(read.RecordExists);
        Assert.Equal(0, read.State!.Count);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public async Task After_a_clear_a_write_needs_the_etag_the_clear_gave()
    {
        var grain = NewGrain();
        var state = await WriteAsync(grain, new GrainState<TestGrainState>(State(1)));
        var beforeClear = state.ETag;
        await ClearAsync(Storage, grain, state);

        await Assert.ThrowsAsync<InconsistentStateException>(() => WriteAsync(grain, new GrainState<TestGrainState>(State(2))));
        await Assert.ThrowsAsync<InconsistentStateException>(() => WriteAsync(grain, new GrainState<TestGrainState>(State(3), beforeClear)));
        state.State = State(4);
        await WriteAsync(grain, state);

        var read = await ReadAsync(grain);
        Assert.True(read.RecordExists);
        Assert.Equal(4, read.State!.Count);
    }

    [Fact]
    public async Task A_clear_with_a_stale_etag_throws_inconsistent_state_and_keeps_the_state()
    {
        var grain = NewGrain();
        var current = await WriteAsync(grain, new GrainState<TestGrainState>(State(1)));
        var stale = new GrainState<TestGrainState>(State(1), current.ETag) { RecordExists = true };
        current.State = State(2);
        await WriteAsync(grain, current);

        await Assert.ThrowsAsync<InconsistentStateException>(() => ClearAsync(Storage, grain, stale));

        var read = await ReadAsync(grain);
        Assert.True(read.RecordExists);
        Assert.Equal(2, read.State!.Count);
    }

    [Fact]
    public async Task Clearing_a_grain_with_nothing_stored_does_nothing_and_leaves_no_etag()
    {
        var grain = NewGrain();
        var state = new GrainState<TestGrainState>(State(7));

        await ClearAsync(Storage, grain, state);

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        var read = await ReadAsync(grain);
        Assert.Null(read.ETag);
        Assert.False(read.RecordExists);
    }

    [Fact]
    public async Task Clearing_with_delete_on_clear_removes_the_row_so_the_next_write_starts_without_an_etag()
    {
        var grain = NewGrain();
        var state = await WriteAsync(grain, new GrainState<TestGrainState>(State(1)), fixture.DeletingStorage);

        await ClearAsync(fixture.DeletingStorage, grain, state);

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        var read = await ReadAsync(grain, fixture.DeletingStorage);
        Assert.Null(read.ETag);
        Assert.False(read.RecordExists);
        read.State = State(2);
        await WriteAsync(grain, read, fixture.DeletingStorage);
        Assert.Equal(2, (await ReadAsync(grain, fixture.DeletingStorage)).State!.Count);
    }

    [Fact]
    public async Task States_are_kept_apart_by_state_name_and_by_grain()
    {
        var grain = NewGrain();
        var other = NewGrain();
        await WriteAsync(grain, new GrainState<TestGrainState>(State(1)));
        await WriteAsync(grain, new GrainState<TestGrainState>(State(2)), stateName: "settings");
        await WriteAsync(other, new GrainState<TestGrainState>(State(3)));

        Assert.Equal(1, (await ReadAsync(grain)).State!.Count);
        Assert.Equal(2, (await ReadAsync(grain, stateName: "settings")).State!.Count);
        Assert.Equal(3, (await ReadAsync(other)).State!.Count);
    }

    /// <summary>A member grain of its own per test, keyed by a string as the network's grains are.</summary>
    private static GrainId NewGrain() => GrainId.Create("member", "m_" + Guid.NewGuid().ToString("N"));

    private static TestGrainState State(int count, string text = "", params string[] tags) => new() { Count = count, Text = text, Tags = [.. tags] };

    private async Task<GrainState<TestGrainState>> ReadAsync(GrainId grain, IGrainStorage? storage = null, string stateName = StateName)
    {
        var state = new GrainState<TestGrainState>();
        await (storage ?? Storage).ReadStateAsync(stateName, grain, state).WaitAsync(Timeout);
        return state;
    }

    private async Task<GrainState<TestGrainState>> WriteAsync(
        GrainId grain, GrainState<TestGrainState> state, IGrainStorage? storage = null, string stateName = StateName)
    {
        await (storage ?? Storage).WriteStateAsync(stateName, grain, state).WaitAsync(Timeout);
        return state;
    }

    private static Task ClearAsync(IGrainStorage storage, GrainId grain, GrainState<TestGrainState> state) =>
        storage.ClearStateAsync(StateName, grain, state).WaitAsync(Timeout);
}

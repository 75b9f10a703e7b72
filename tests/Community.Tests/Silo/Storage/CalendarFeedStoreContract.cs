namespace Community.Tests.Silo.Storage;

/// <summary>The behaviour every <see cref="Grains.Storage.ICalendarFeedStore"/> must show.</summary>
public abstract class CalendarFeedStoreContract : StorageContract
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await AddMemberAsync("m_a", "alice");
        await AddRoomAsync("r_1", ["m_a"]);
        await AddRoomAsync("r_2", ["m_a"]);
    }

    [Fact]
    public async Task A_token_hash_opens_its_rooms_feed_until_a_new_one_replaces_it()
    {
        await Stores.CalendarFeeds.SetAsync("r_1", "hash-one", "m_a", T0).WaitAsync(Timeout);
        await Stores.CalendarFeeds.SetAsync("r_2", "hash-two", "m_a", T0).WaitAsync(Timeout);
        Assert.Equal("r_1", await Stores.CalendarFeeds.RoomOfAsync("hash-one").WaitAsync(Timeout));

        await Stores.CalendarFeeds.SetAsync("r_1", "hash-three", "m_a", T0.AddDays(1)).WaitAsync(Timeout);

        Assert.Null(await Stores.CalendarFeeds.RoomOfAsync("hash-one").WaitAsync(Timeout));
        Assert.Equal("r_1", await Stores.CalendarFeeds.RoomOfAsync("hash-three").WaitAsync(Timeout));
        Assert.Equal("r_2", await Stores.CalendarFeeds.RoomOfAsync("hash-two").WaitAsync(Timeout));
    }

    [Fact]
    public async Task A_revoked_feed_opens_no_more_and_revoking_none_says_so()
    {
        await Stores.CalendarFeeds.SetAsync("r_1", "hash-one", "m_a", T0).WaitAsync(Timeout);

        Assert.True(await Stores.CalendarFeeds.RevokeAsync("r_1").WaitAsync(Timeout));

        Assert.Null(await Stores.CalendarFeeds.RoomOfAsync("hash-one").WaitAsync(Timeout));
        Assert.False(await Stores.CalendarFeeds.RevokeAsync("r_1").WaitAsync(Timeout));
    }
}

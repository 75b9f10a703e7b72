using Community.Grains.Meetups;

namespace Community.Tests.Silo.Storage;

/// <summary>The behaviour every <see cref="Grains.Storage.IMeetupStore"/> must show for recurring meetups.</summary>
public abstract class MeetupStoreContract : StorageContract
{
    private static readonly DateTimeOffset Year = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Every 2nd Friday at 12:00 in London from February 2030, skipping March.</summary>
    private static Meetup SecondFridays(string id, int? count = null) =>
        new(id, "r_1", "第2金曜ランチ", new DateTimeOffset(2030, 2, 8, 12, 0, 0, TimeSpan.Zero), 60, "Covent Garden", [], "Europe/London", "2030-02-08T12:00",
            new MeetupRepeat(MeetupRepeat.Monthly, 1, ["friday"], 2, null, null, count), ["2030-03-08"]);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await AddMemberAsync("m_a", "alice");
        await AddRoomAsync("r_1", ["m_a"]);
    }

    [Fact]
    public async Task A_series_is_read_back_with_its_zone_wall_clock_start_rule_and_skipped_dates()
    {
        var series = SecondFridays("mt_series");

        await Stores.Meetups.AddAsync(series, "m_a", T0).WaitAsync(Timeout);

        var read = await Stores.Meetups.GetAsync("r_1", "mt_series").WaitAsync(Timeout);
        Assert.NotNull(read);
        Assert.Equal((series.TimeZone, series.LocalStart, series.StartsAt), (read.TimeZone, read.LocalStart, read.StartsAt));
        Assert.Equal(series.Repeat! with { Weekdays = [] }, read.Repeat! with { Weekdays = [] });
        Assert.Equal(["friday"], read.Repeat!.Weekdays);
        Assert.Equal(["2030-03-08"], read.Exceptions);
    }

    [Fact]
    public async Task Upcoming_keeps_a_series_until_its_last_date_is_over_and_an_open_ended_one_always()
    {
        await Stores.Meetups.AddAsync(SecondFridays("mt_open"), "m_a", T0).WaitAsync(Timeout);
        // Three dates, March skipped: February 8th and April 12th take place, the last ending at 12:00 UTC.
        await Stores.Meetups.AddAsync(SecondFridays("mt_three", count: 3), "m_a", T0).WaitAsync(Timeout);

        var inApril = await Stores.Meetups.ListAsync("r_1", new DateTimeOffset(2030, 4, 12, 11, 30, 0, TimeSpan.Zero)).WaitAsync(Timeout);
        var inMay = await Stores.Meetups.ListAsync("r_1", Year.AddMonths(4)).WaitAsync(Timeout);

        Assert.Equal(["mt_open", "mt_three"], inApril.Select(m => m.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["mt_open"], inMay.Select(m => m.Id));
    }

    [Fact]
    public async Task A_new_schedule_replaces_the_rule_and_skipped_dates()
    {
        await Stores.Meetups.AddAsync(SecondFridays("mt_series"), "m_a", T0).WaitAsync(Timeout);
        var ended = SecondFridays("mt_series") with { Repeat = SecondFridays("x").Repeat! with { Until = "2030-04-30" }, Exceptions = [] };

        await Stores.Meetups.UpdateScheduleAsync(ended).WaitAsync(Timeout);

        var read = await Stores.Meetups.GetAsync("r_1", "mt_series").WaitAsync(Timeout);
        Assert.Equal(("2030-04-30", 0), (read!.Repeat!.Until, read.Exceptions!.Count));
        Assert.Empty(await Stores.Meetups.ListAsync("r_1", new DateTimeOffset(2030, 5, 1, 0, 0, 0, TimeSpan.Zero)).WaitAsync(Timeout));
    }

    [Fact]
    public async Task Each_date_of_a_series_is_claimed_for_its_reminder_once_whatever_the_node()
    {
        await Stores.Meetups.AddAsync(SecondFridays("mt_series"), "m_a", T0).WaitAsync(Timeout);
        var second = await OpenSecondNodeAsync();

        Assert.True(await Stores.Meetups.ClaimOccurrenceReminderAsync("mt_series", "2030-02-08", T0).WaitAsync(Timeout));
        Assert.False(await second.Meetups.ClaimOccurrenceReminderAsync("mt_series", "2030-02-08", T0).WaitAsync(Timeout));
        Assert.True(await second.Meetups.ClaimOccurrenceReminderAsync("mt_series", "2030-04-12", T0).WaitAsync(Timeout));
        Assert.False(await Stores.Meetups.ClaimOccurrenceReminderAsync("mt_series", "2030-04-12", T0).WaitAsync(Timeout));
    }
}

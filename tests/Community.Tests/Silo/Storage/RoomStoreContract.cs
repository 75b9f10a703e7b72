using Community.Grains.Rooms;
using Community.Grains.Storage;

namespace Community.Tests.Silo.Storage;

/// <summary>The behaviour every <see cref="IRoomStore"/> must show.</summary>
public abstract class RoomStoreContract : StorageContract
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await AddMemberAsync("m_a", "alice");
        await AddMemberAsync("m_b", "bob");
        await AddMemberAsync("m_c", "carol");
    }

    [Fact]
    public async Task Created_room_loads_with_its_info_and_members()
    {
        var info = new RoomInfo("r_lunch", RoomKinds.Meetup, "渋谷ランチ会", "毎月第2金曜", Visibility.Private, "m_a", T0, LastSeq: 0);
        RoomMember[] members = [new("r_lunch", "m_a", RoomRoles.Owner, T0, 0), new("r_lunch", "m_b", RoomRoles.Moderator, T0.AddMinutes(5), 0)];

        Assert.True(await Stores.Rooms.CreateAsync(info, members).WaitAsync(Timeout));

        var loaded = await Stores.Rooms.LoadAsync("r_lunch").WaitAsync(Timeout);
        Assert.NotNull(loaded);
        Assert.Equal(info, loaded.Info);
        Assert.Equal(members, loaded.Members.OrderBy(m => m.MemberId));
    }

    [Fact]
    public async Task A_rooms_notice_is_set_loaded_listed_and_cleared()
    {
        var info = new RoomInfo("r_notice", RoomKinds.Meetup, "ランチ会", "", Visibility.Public, "m_a", T0, LastSeq: 0);
        await Stores.Rooms.CreateAsync(info, [new("r_notice", "m_a", RoomRoles.Owner, T0, 0)]).WaitAsync(Timeout);
        var notice = new RoomNotice("次回は12月5日\n渋谷にて", "m_a", T0.AddMinutes(1));

        await Stores.Rooms.SetNoticeAsync("r_notice", notice).WaitAsync(Timeout);

        Assert.Equal(notice, (await Stores.Rooms.LoadAsync("r_notice").WaitAsync(Timeout))!.Info.Notice);
        Assert.Equal(notice, Assert.Single(await Stores.Rooms.ListForMemberAsync("m_a").WaitAsync(Timeout), l => l.Info.Id == "r_notice").Info.Notice);
        await Stores.Rooms.SetNoticeAsync("r_notice", null).WaitAsync(Timeout);
        Assert.Null((await Stores.Rooms.LoadAsync("r_notice").WaitAsync(Timeout))!.Info.Notice);
    }

    [Fact]
    public async Task Unknown_room_loads_as_null()
    {
        Assert.Null(await Stores.Rooms.LoadAsync("r_nope").WaitAsync(Timeout));
    }

    [Fact]
    public async Task Creating_a_room_with_an_existing_id_returns_false_and_keeps_the_first()
    {
        var first = await AddRoomAsync("r_1", ["m_a"], name: "first");
        var again = first with { Name = "second", CreatedBy = "m_b" };

        Assert.False(await Stores.Rooms.CreateAsync(again, [new("r_1", "m_b", RoomRoles.Owner, T0, 0)]).WaitAsync(Timeout));

        var loaded = await Stores.Rooms.LoadAsync("r_1").WaitAsync(Timeout);
        Assert.Equal(first, loaded?.Info);
        Assert.Equal(["m_a"], loaded?.Members.Select(m => m.MemberId));
    }

    [Fact]
    public async Task A_members_notification_mute_is_kept_on_their_row_and_cleared()
    {
        await AddRoomAsync("r_1", ["m_a", "m_b"]);
        var until = T0.AddHours(8);

        await Stores.Rooms.SetNotificationsMutedUntilAsync("r_1", "m_b", until).WaitAsync(Timeout);

        var loaded = await Stores.Rooms.LoadAsync("r_1").WaitAsync(Timeout);
        Assert.Equal(new DateTimeOffset?[] { null, until }, loaded!.Members.OrderBy(m => m.MemberId).Select(m => m.NotificationsMutedUntil));
        Assert.Equal(until, Assert.Single(await Stores.Rooms.ListForMemberAsync("m_b").WaitAsync(Timeout)).Viewer!.NotificationsMutedUntil);
        Assert.Null(Assert.Single(await Stores.Rooms.ListForMemberAsync("m_a").WaitAsync(Timeout)).Viewer!.NotificationsMutedUntil);

        await Stores.Rooms.SetNotificationsMutedUntilAsync("r_1", "m_b", null).WaitAsync(Timeout);

        Assert.Null(Assert.Single(await Stores.Rooms.ListForMemberAsync("m_b").WaitAsync(Timeout)).Viewer!.NotificationsMutedUntil);
    }

    [Fact]
    public async Task Info_update_writes_name_and_topic()
    {
        var info = await AddRoomAsync("r_1", ["m_a"], name: "old", topic: "old topic");

        await Stores.Rooms.UpdateInfoAsync(info with { Name = "新しい名前", Topic = "new topic" }).WaitAsync(Timeout);

        Assert.Equal(info with { Name = "新しい名前", Topic = "new topic" }, (await Stores.Rooms.LoadAsync("r_1").WaitAsync(Timeout))?.Info);
    }

    [Fact]
    public async Task Adding_a_member_adds_them_once()
    {
        await AddRoomAsync("r_1", ["m_a"]);
        var bob = new RoomMember("r_1", "m_b", RoomRoles.Member, T0.AddHours(1), 0);

        await Stores.Rooms.AddMemberAsync(bob).WaitAsync(Timeout);
        await Stores.Rooms.AddMemberAsync(bob with { JoinedAt = T0.AddHours(2) }).WaitAsync(Timeout);

        var loaded = (await Stores.Rooms.LoadAsync("r_1").WaitAsync(Timeout))!;
        Assert.Equal(bob, loaded.Members.Single(m => m.MemberId == "m_b"));
    }

    [Fact]
    public async Task Removing_a_member_removes_them_from_the_room_and_their_listing()
    {
        await AddRoomAsync("r_1", ["m_a", "m_b"]);

        await Stores.Rooms.RemoveMemberAsync("r_1", "m_b").WaitAsync(Timeout);

        var loaded = (await Stores.Rooms.LoadAsync("r_1").WaitAsync(Timeout))!;
        Assert.Equal(["m_a"], loaded.Members.Select(m => m.MemberId));
        Assert.Empty(WithoutBroadcast(await RoomIdsOfAsync("m_b").WaitAsync(Timeout)));
    }

    [Fact]
    public async Task Read_marker_moves_forward_and_never_back()
    {
        await AddRoomAsync("r_1", ["m_a", "m_b"]);

        await Stores.Rooms.SetReadSeqAsync("r_1", "m_a", 7).WaitAsync(Timeout);
        await Stores.Rooms.SetReadSeqAsync("r_1", "m_a", 3).WaitAsync(Timeout);
        await Stores.Rooms.SetReadSeqAsync("r_1", "m_b", 2).WaitAsync(Timeout);

        var members = (await Stores.Rooms.LoadAsync("r_1").WaitAsync(Timeout))!.Members;
        Assert.Equal(7, members.Single(m => m.MemberId == "m_a").ReadSeq);
        Assert.Equal(2, members.Single(m => m.MemberId == "m_b").ReadSeq);
    }

    [Fact]
    public async Task Co_members_are_everyone_sharing_a_room_but_the_excepted_one_each_once()
    {
        await AddMemberAsync("m_d", "dave");
        await AddRoomAsync("r_everyone", ["m_a", "m_b", "m_c", "m_d"]);
        await AddRoomAsync("r_pair", ["m_a", "m_b"]);
        await AddRoomAsync("r_trio", ["m_a", "m_b", "m_c"]);

        var coMembers = await Stores.Rooms.ListCoMemberIdsAsync("m_a", exceptRoomId: "r_everyone").WaitAsync(Timeout);
        var ofDave = await Stores.Rooms.ListCoMemberIdsAsync("m_d", exceptRoomId: "r_everyone").WaitAsync(Timeout);
        var withEveryone = await Stores.Rooms.ListCoMemberIdsAsync("m_d", exceptRoomId: "r_other").WaitAsync(Timeout);

        Assert.Equal(["m_b", "m_c"], coMembers.Order(StringComparer.Ordinal));
        Assert.Empty(ofDave);
        Assert.Equal(["m_a", "m_b", "m_c"], withEveryone.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Listing_for_a_member_shows_their_rooms_most_recently_active_first()
    {
        await AddRoomAsync("r_old", ["m_a", "m_b", "m_c"], createdAt: T0);
        await AddRoomAsync("r_new", ["m_b", "m_a"], createdAt: T0.AddHours(1));
        await AddRoomAsync("r_quiet", ["m_a"], createdAt: T0.AddHours(2));
        await AddRoomAsync("r_not_mine", ["m_b", "m_c"], createdAt: T0.AddHours(3));
        await Stores.Messages.AppendAsync([Message("r_old", 1, "m_b", sentAt: T0.AddHours(4))]).WaitAsync(Timeout);
        var last = Message("r_old", 2, "m_c", "最新のメッセージ", T0.AddHours(5)) with { Mentions = ["m_a"], ReplyToSeq = 1 };
        await Stores.Messages.AppendAsync([last]).WaitAsync(Timeout);
        await Stores.Rooms.SetReadSeqAsync("r_old", "m_a", 1).WaitAsync(Timeout);

        var listing = (await Stores.Rooms.ListForMemberAsync("m_a").WaitAsync(Timeout)).Where(l => l.Info.Id != BroadcastChannel.Id).ToArray();

        Assert.Equal(["r_old", "r_quiet", "r_new"], listing.Select(l => l.Info.Id));
        var old = listing[0];
        Assert.Equal(3, old.MemberCount);
        Assert.Equal(2, old.Info.LastSeq);
        Assert.Equal(new RoomMember("r_old", "m_a", RoomRoles.Owner, T0, 1), old.Viewer);
        Assert.NotNull(old.LastMessage);
        Assert.Equal((last.Seq, last.SenderId, last.ClientMsgId, last.Text, last.SentAt, last.ReplyToSeq),
            (old.LastMessage.Seq, old.LastMessage.SenderId, old.LastMessage.ClientMsgId, old.LastMessage.Text, old.LastMessage.SentAt, old.LastMessage.ReplyToSeq));
        Assert.Equal(["m_a"], old.LastMessage.Mentions);
        Assert.Equal(2, listing[2].MemberCount);
        Assert.Equal(RoomRoles.Member, listing[2].Viewer?.Role);
        Assert.Null(listing[1].LastMessage);
        Assert.Empty(await Stores.Rooms.ListForMemberAsync("m_nobody").WaitAsync(Timeout));
    }

    [Fact]
    public async Task Discover_returns_public_rooms_and_meetups_but_no_private_rooms_or_dms()
    {
        await AddRoomAsync("r_public", ["m_a"], name: "Public room");
        await AddRoomAsync("r_meetup", ["m_b"], kind: RoomKinds.Meetup, name: "Lunch meetup");
        await AddRoomAsync("r_private", ["m_a"], visibility: Visibility.Private, name: "Private room");
        await AddRoomAsync("d_ab", ["m_a", "m_b"], kind: RoomKinds.Dm, visibility: Visibility.Public, name: "DM");

        var found = await Stores.Rooms.DiscoverAsync(null, "m_a", 10).WaitAsync(Timeout);

        Assert.Equal(["r_meetup", "r_public"], found.Select(l => l.Info.Id).Order());
        Assert.Equal(RoomRoles.Owner, found.Single(l => l.Info.Id == "r_public").Viewer?.Role);
        Assert.Null(found.Single(l => l.Info.Id == "r_meetup").Viewer);
        Assert.Single(await Stores.Rooms.DiscoverAsync(null, "m_a", 1).WaitAsync(Timeout));
    }

    [Theory]
    [InlineData("career", "r_career")]   // name
    [InlineData("CAREER", "r_career")]   // name, any case
    [InlineData("golang", "r_go")]       // topic
    [InlineData("転職", "r_career")]      // Japanese name
    [InlineData("勉強", "r_go")]          // Japanese topic
    public async Task Discover_filters_by_a_case_insensitive_substring_of_name_or_topic(string query, string expectedId)
    {
        await AddRoomAsync("r_career", ["m_a"], name: "Career talk 転職相談", topic: "jobs");
        await AddRoomAsync("r_go", ["m_a"], name: "Go", topic: "Golang 勉強会");
        await AddRoomAsync("r_private", ["m_a"], visibility: Visibility.Private, name: "Career secrets", topic: "golang 勉強 転職");

        var found = await Stores.Rooms.DiscoverAsync(query, "m_b", 10).WaitAsync(Timeout);

        Assert.Equal([expectedId], found.Select(l => l.Info.Id));
    }

    [Theory]
    [InlineData("ＡＩ勉強会")]   // the name itself
    [InlineData("ＡＩ")]
    [InlineData("ai")]
    public async Task Discover_finds_a_room_named_in_full_width_letters(string query)
    {
        await AddRoomAsync("r_ai", ["m_a"], name: "ＡＩ勉強会");
        await AddRoomAsync("r_other", ["m_a"], name: "勉強会");

        var found = await Stores.Rooms.DiscoverAsync(query, "m_b", 10).WaitAsync(Timeout);

        Assert.Equal(["r_ai"], found.Select(l => l.Info.Id));
    }

    [Fact]
    public async Task The_rooms_listed_for_a_member_are_the_rooms_they_belong_to()
    {
        await AddRoomAsync("r_1", ["m_a", "m_b"]);
        await AddRoomAsync("r_2", ["m_b"]);
        await AddRoomAsync("d_ab", ["m_a", "m_b"], kind: RoomKinds.Dm, visibility: Visibility.Private);

        Assert.Equal(["d_ab", "r_1"], WithoutBroadcast(await RoomIdsOfAsync("m_a").WaitAsync(Timeout)).Order());
        Assert.Equal(["d_ab", "r_1", "r_2"], WithoutBroadcast(await RoomIdsOfAsync("m_b").WaitAsync(Timeout)).Order());
        Assert.Empty(WithoutBroadcast(await RoomIdsOfAsync("m_c").WaitAsync(Timeout)));
    }

    [Fact]
    public async Task The_broadcast_channel_exists_from_the_start_and_creating_a_member_leaves_enrolment_to_its_grain()
    {
        var broadcast = await Stores.Rooms.LoadAsync(BroadcastChannel.Id).WaitAsync(Timeout);

        Assert.NotNull(broadcast);
        Assert.Equal(RoomKinds.Broadcast, broadcast.Info.Kind);
        Assert.Empty(broadcast.Members);
    }

    [Fact]
    public async Task Last_seq_is_the_end_of_the_log_as_stored_now()
    {
        await AddRoomAsync("r_1", ["m_a"]);
        Assert.Equal(0, await Stores.Rooms.GetLastSeqAsync("r_1").WaitAsync(Timeout));

        await Stores.Messages.AppendAsync([Message("r_1", 1, "m_a"), Message("r_1", 2, "m_a")]).WaitAsync(Timeout);

        Assert.Equal(2, await Stores.Rooms.GetLastSeqAsync("r_1").WaitAsync(Timeout));
        Assert.Equal(0, await Stores.Rooms.GetLastSeqAsync("r_nope").WaitAsync(Timeout));
    }

    private async Task<IEnumerable<string>> RoomIdsOfAsync(string memberId) =>
        (await Stores.Rooms.ListForMemberAsync(memberId)).Select(l => l.Info.Id);

    private static IEnumerable<string> WithoutBroadcast(IEnumerable<string> roomIds) => roomIds.Where(id => id != BroadcastChannel.Id);
}

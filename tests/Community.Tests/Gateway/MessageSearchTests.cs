using System.Text.Json;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

[Collection(MembersNode.Name)]
public sealed class MessageSearchTests(MembersNodeFixture fixture)
{
    /// <summary>A room of Alice's and Bob's where Bob sent <paramref name="texts"/> through the hub, in order (seq 1, 2…).</summary>
    private async Task<string> RoomWithMessagesAsync(params string[] texts)
    {
        var roomId = await Steps.RoomWithAsync(fixture.Alice, fixture.Bob);
        await using var bobHub = await fixture.Node.ConnectAsync(fixture.Bob);
        foreach (var text in texts) await bobHub.SendTextAsync(roomId, text);
        return roomId;
    }

    private static long[] SeqsOf(JsonElement page) => page.Items().Select(h => h.Long("seq")).ToArray();

    [Fact]
    public async Task A_two_character_Japanese_query_finds_the_messages_that_contain_it()
    {
        var roomId = await RoomWithMessagesAsync("明日は渋谷でランチです", "新宿で会いましょう", "渋谷駅のハチ公前に集合", "谷渋という字の並びは別物");

        var found = await fixture.Alice.SearchAsync("渋谷", roomId);

        Assert.Equal(new long[] { 3, 1 }, SeqsOf(found));
        Assert.All(found.Items(), hit => Assert.Equal(["渋谷"], MessageSearchSteps.Matched(hit)));
    }

    [Fact]
    public async Task Three_character_and_longer_Japanese_queries_find_the_messages_that_contain_them()
    {
        var roomId = await RoomWithMessagesAsync(
            "忘年会のお知らせ: 12月20日 19時〜 @渋谷", "ランチ会は来週です", "今年の忘年会は楽しかった", "ラン二ング仲間募集", "新年会もやりましょう");

        Assert.Equal(new long[] { 2 }, SeqsOf(await fixture.Alice.SearchAsync("ランチ", roomId)));
        Assert.Equal(new long[] { 3, 1 }, SeqsOf(await fixture.Alice.SearchAsync("忘年会", roomId)));
        Assert.Equal(new long[] { 1 }, SeqsOf(await fixture.Alice.SearchAsync("忘年会のお知らせ", roomId)));
        Assert.Equal(new long[] { 1 }, SeqsOf(await fixture.Alice.SearchAsync("12月20日", roomId)));
        Assert.Empty((await fixture.Alice.SearchAsync("忘年会のお誘い", roomId)).Items());
    }

    [Fact]
    public async Task Mixed_Japanese_and_English_queries_find_messages_that_mix_them()
    {
        var roomId = await RoomWithMessagesAsync(
            "忘年会のlunch meetingは渋谷で", "Lunch meeting 渋谷 station", "忘年会 only", "lunch only");

        Assert.Equal(new long[] { 1 }, SeqsOf(await fixture.Alice.SearchAsync("忘年会 lunch", roomId)));
        Assert.Equal(new long[] { 1 }, SeqsOf(await fixture.Alice.SearchAsync("のlunch", roomId)));
        Assert.Equal(new long[] { 2, 1 }, SeqsOf(await fixture.Alice.SearchAsync("lunch 渋谷", roomId)));
        Assert.Equal(new long[] { 2 }, SeqsOf(await fixture.Alice.SearchAsync("meeting 渋谷 station", roomId)));
        var hit = (await fixture.Alice.SearchAsync("忘年会 lunch", roomId)).Items().Single();
        Assert.Equal(["忘年会", "lunch"], MessageSearchSteps.Matched(hit));
    }

    [Fact]
    public async Task Full_width_and_half_width_forms_find_each_other()
    {
        var roomId = await RoomWithMessagesAsync("lunch at noon", "ランチは正午", "ＭＥＥＴＵＰ　ｉｎ　Ｔｏｋｙｏ", "ﾐｰﾃｨﾝｸﾞは3時");

        Assert.Equal(new long[] { 1 }, SeqsOf(await fixture.Alice.SearchAsync("ＬＵＮＣＨ", roomId)));
        Assert.Equal(new long[] { 2 }, SeqsOf(await fixture.Alice.SearchAsync("ﾗﾝﾁ", roomId)));
        Assert.Equal(new long[] { 3 }, SeqsOf(await fixture.Alice.SearchAsync("meetup in tokyo", roomId)));
        Assert.Equal(new long[] { 4 }, SeqsOf(await fixture.Alice.SearchAsync("ミーティング", roomId)));
        var hit = (await fixture.Alice.SearchAsync("ﾗﾝﾁ", roomId)).Items().Single();
        Assert.Equal(["ランチ"], MessageSearchSteps.Matched(hit));
        Assert.Equal("ランチは正午", MessageSearchSteps.SnippetText(hit));
    }

    [Fact]
    public async Task Case_does_not_matter_and_a_word_matches_as_a_prefix()
    {
        var roomId = await RoomWithMessagesAsync("Lunch at NOON", "LUNCHEON for alumni", "brunch on Sunday");

        Assert.Equal(new long[] { 2, 1 }, SeqsOf(await fixture.Alice.SearchAsync("lunch", roomId)));
        Assert.Equal(new long[] { 1 }, SeqsOf(await fixture.Alice.SearchAsync("noon", roomId)));
        Assert.Equal(new long[] { 2, 1 }, SeqsOf(await fixture.Alice.SearchAsync("LuN", roomId)));
        var hit = (await fixture.Alice.SearchAsync("lunch at", roomId)).Items().Single();
        Assert.Equal(["Lunch", "at"], MessageSearchSteps.Matched(hit));
    }

    [Fact]
    public async Task A_hit_names_its_room_sender_and_time_and_a_long_message_is_cut_around_the_match()
    {
        var tag = Steps.Tag();
        var longText = string.Concat(Enumerable.Repeat("前置きの文章です。", 40)) + $"本題は{tag}の件です。" + string.Concat(Enumerable.Repeat("後書き。", 40));
        var roomId = await RoomWithMessagesAsync(longText);

        var hit = (await fixture.Alice.SearchAsync(tag)).Items().Single();

        Assert.Equal(roomId, hit.Str("roomId"));
        Assert.Equal("room", hit.Str("roomKind"));
        Assert.StartsWith("Room ", hit.Str("roomName"));
        Assert.Equal(1, hit.Long("seq"));
        Assert.Equal(fixture.Bob.Id, hit.Str("senderId"));
        Assert.Equal(JsonValueKind.String, hit.GetProperty("sentAt").ValueKind);
        var snippet = MessageSearchSteps.SnippetText(hit);
        Assert.StartsWith("…", snippet);
        Assert.EndsWith("…", snippet);
        Assert.Contains($"本題は{tag}の件です", snippet);
        Assert.True(snippet.Length < longText.Length / 2, snippet);
        Assert.Equal([tag], MessageSearchSteps.Matched(hit));
    }

    [Fact]
    public async Task A_room_the_member_left_never_appears()
    {
        var tag = Steps.Tag();
        var carol = fixture.Carol;
        var roomId = await Steps.RoomWithAsync(fixture.Alice, carol);
        await using var aliceHub = await fixture.Node.ConnectAsync(fixture.Alice);
        await aliceHub.SendTextAsync(roomId, $"同窓会の件 {tag}");
        Assert.Single((await carol.SearchAsync(tag)).Items());

        (await carol.Http.PostAsync($"/api/rooms/{roomId}/leave", null)).EnsureSuccessStatusCode();

        Assert.Empty((await carol.SearchAsync(tag)).Items());
        Assert.Empty((await carol.SearchAsync("同窓会の件 " + tag)).Items());
        await (await carol.GetSearchAsync($"q={tag}&roomId={roomId}")).AssertForbiddenAsync();
        Assert.Single((await fixture.Alice.SearchAsync(tag)).Items());
    }

    [Fact]
    public async Task A_private_room_the_member_is_not_in_never_appears()
    {
        var tag = Steps.Tag();
        var privateRoom = await Steps.PrivateRoomWithAsync(fixture.Alice, fixture.Bob);
        var publicRoom = await Steps.RoomWithAsync(fixture.Alice);
        await using var aliceHub = await fixture.Node.ConnectAsync(fixture.Alice);
        await aliceHub.SendTextAsync(privateRoom, $"内緒の話 {tag}");
        await aliceHub.SendTextAsync(publicRoom, $"公開の話 {tag}");

        Assert.Empty((await fixture.Carol.SearchAsync(tag)).Items());
        await (await fixture.Carol.GetSearchAsync($"q={tag}&roomId={privateRoom}")).AssertForbiddenAsync();
        Assert.Single((await fixture.Bob.SearchAsync(tag)).Items());
        Assert.Equal(2, (await fixture.Alice.SearchAsync(tag)).Items().Length);
    }

    [Fact]
    public async Task A_deleted_message_vanishes_from_the_results_at_once()
    {
        var tag = Steps.Tag();
        var roomId = await Steps.RoomWithAsync(fixture.Alice, fixture.Bob);
        await using var bobHub = await fixture.Node.ConnectAsync(fixture.Bob);
        await bobHub.SendTextAsync(roomId, $"間違えて送った {tag}");
        await bobHub.SendTextAsync(roomId, $"こちらが正しい {tag}");
        Assert.Equal(new long[] { 2, 1 }, SeqsOf(await fixture.Alice.SearchAsync(tag)));

        await bobHub.InvokeVoidAsync("DeleteMessage", roomId, 1);

        Assert.Equal(new long[] { 2 }, SeqsOf(await fixture.Alice.SearchAsync(tag)));
        Assert.DoesNotContain((await fixture.Alice.SearchAsync("間違えて")).Items(), h => h.Str("roomId") == roomId);
    }

    [Fact]
    public async Task An_edited_message_is_found_by_its_new_text_and_not_the_old()
    {
        var roomId = await RoomWithMessagesAsync("集合は新宿の東口です");
        await using var bobHub = await fixture.Node.ConnectAsync(fixture.Bob);

        var edited = await bobHub.InvokeAsync("EditMessage", roomId, 1, "集合は渋谷のハチ公前です");

        Assert.Equal(1, edited.Long("seq"));
        Assert.Empty((await fixture.Alice.SearchAsync("新宿", roomId)).Items());
        Assert.Empty((await fixture.Alice.SearchAsync("東口", roomId)).Items());
        var hit = (await fixture.Alice.SearchAsync("ハチ公", roomId)).Items().Single();
        Assert.Equal("集合は渋谷のハチ公前です", MessageSearchSteps.SnippetText(hit));
        Assert.Equal(JsonValueKind.String, hit.GetProperty("editedAt").ValueKind);
        Assert.Single((await fixture.Alice.SearchAsync("集合", roomId)).Items());
    }

    [Fact]
    public async Task Results_come_newest_first_a_page_at_a_time_with_the_cursor()
    {
        var tag = Steps.Tag();
        var roomId = await RoomWithMessagesAsync(Enumerable.Range(1, 7).Select(i => $"お知らせ {i} {tag}").ToArray());

        var first = await fixture.Alice.SearchAsync(tag, limit: 3);
        var second = await fixture.Alice.SearchAsync(tag, limit: 3, before: first.Long("nextBefore"));
        var third = await fixture.Alice.SearchAsync(tag, limit: 3, before: second.Long("nextBefore"));

        Assert.Equal(new long[] { 7, 6, 5 }, SeqsOf(first));
        Assert.Equal(new long[] { 4, 3, 2 }, SeqsOf(second));
        Assert.Equal(new long[] { 1 }, SeqsOf(third));
        Assert.Equal(JsonValueKind.Null, third.GetProperty("nextBefore").ValueKind);
        Assert.All(first.Items().Concat(second.Items()).Concat(third.Items()), h => Assert.Equal(roomId, h.Str("roomId")));
    }

    [Fact]
    public async Task From_keeps_one_senders_messages_and_roomId_one_rooms()
    {
        var tag = Steps.Tag();
        var room1 = await Steps.RoomWithAsync(fixture.Alice, fixture.Bob);
        var room2 = await Steps.RoomWithAsync(fixture.Alice, fixture.Bob);
        await using var aliceHub = await fixture.Node.ConnectAsync(fixture.Alice);
        await using var bobHub = await fixture.Node.ConnectAsync(fixture.Bob);
        await aliceHub.SendTextAsync(room1, $"Alice in one {tag}");
        await bobHub.SendTextAsync(room1, $"Bob in one {tag}");
        await bobHub.SendTextAsync(room2, $"Bob in two {tag}");

        Assert.Equal(3, (await fixture.Alice.SearchAsync(tag)).Items().Length);
        var fromBob = await fixture.Alice.SearchAsync(tag, from: fixture.Bob.Id);
        Assert.Equal(new (string, long)[] { (room2, 1L), (room1, 2L) }, fromBob.Keys());
        Assert.Equal(new (string, long)[] { (room1, 2L), (room1, 1L) }, (await fixture.Alice.SearchAsync(tag, roomId: room1)).Keys());
        Assert.Equal(new (string, long)[] { (room1, 1L) }, (await fixture.Alice.SearchAsync(tag, roomId: room1, from: fixture.Alice.Id)).Keys());
        Assert.Empty((await fixture.Alice.SearchAsync(tag, roomId: room2, from: fixture.Alice.Id)).Items());
    }

    [Fact]
    public async Task Messages_in_DMs_and_the_broadcast_channel_are_found_by_their_members()
    {
        var tag = Steps.Tag();
        var (dave, erin) = (await fixture.NewMemberAsync(), await fixture.NewMemberAsync());
        var dm = (await dave.OpenDmAsync(erin.Id)).Str("id");
        await using var daveHub = await fixture.Node.ConnectAsync(dave);
        await using var secretariatHub = await fixture.Node.ConnectAsync(fixture.Secretariat);
        await daveHub.SendTextAsync(dm, $"久しぶり {tag}");
        await secretariatHub.SendTextAsync(Steps.Broadcast, $"忘年会のお知らせ {tag}");

        var erinFinds = await erin.SearchAsync(tag);
        Assert.Equal(["broadcast", "dm"], erinFinds.Items().Select(h => h.Str("roomKind")).ToArray());
        Assert.Equal(["broadcast"], (await fixture.Carol.SearchAsync(tag)).Items().Select(h => h.Str("roomKind")).ToArray());
    }

    [Theory]
    [InlineData("", "q")]
    [InlineData("q=", "q")]
    [InlineData("q=%20%20%20", "q")]
    [InlineData("q=a", "q")]
    [InlineData("q=%E6%B8%8B", "q")]
    [InlineData("q=%21%3F%23", "q")]
    [InlineData("q=lunch&limit=0", "limit")]
    [InlineData("q=lunch&limit=101", "limit")]
    [InlineData("q=lunch&before=0", "before")]
    [InlineData("q=lunch&before=abc", "before")]
    [InlineData("q=lunch&limit=ten", "limit")]
    [InlineData("q=lunch&roomId=r%20x", "roomId")]
    [InlineData("q=lunch&from=m%0Ax", "from")]
    public async Task Bad_input_answers_invalid_naming_the_field(string query, string field) =>
        await (await fixture.Alice.GetSearchAsync(query)).AssertInvalidAsync(field);

    [Fact]
    public async Task A_query_over_a_hundred_characters_answers_invalid() =>
        await (await fixture.Alice.GetSearchAsync("q=" + Uri.EscapeDataString(new string('渋', 101)))).AssertInvalidAsync("q");

    [Fact]
    public async Task A_room_that_does_not_exist_answers_not_found() =>
        await (await fixture.Alice.GetSearchAsync("q=lunch&roomId=r_doesnotexist")).AssertProblemAsync(System.Net.HttpStatusCode.NotFound, "not_found");

    [Fact]
    public async Task Search_needs_a_signed_in_member()
    {
        var response = await fixture.Node.Anonymous.GetAsync("/api/search/messages?q=lunch");
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>A member taking their data with them: <c>GET /api/me/export</c>.</summary>
[Collection(MembersNode.Name)]
public sealed class LeavingTests(MembersNodeFixture fixture)
{
    [Fact]
    public async Task The_export_holds_the_member_s_profile_rooms_messages_with_room_and_seq_and_reactions()
    {
        var member = await fixture.NewMemberAsync();
        var other = await fixture.NewMemberAsync();
        var room = await member.RoomWithAsync(other);
        await using var memberHub = await fixture.Node.ConnectAsync(member);
        await using var otherHub = await fixture.Node.ConnectAsync(other);
        var first = (await memberHub.SendTextAsync(room, "ランチどこにしますか")).Long("seq");
        var theirs = (await otherHub.SendTextAsync(room, "駅前のそば屋で")).Long("seq");
        var second = (await memberHub.SendTextAsync(room, "いいですね")).Long("seq");
        await memberHub.InvokeVoidAsync("AddReaction", room, theirs, "👍");
        await memberHub.WaitForEventAsync("reaction", r => r.Str("roomId") == room);

        var response = await member.Http.GetAsync("/api/me/export");

        var export = await response.ReadJsonAsync();
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(member.Id, export.GetProperty("profile").Str("id"));
        Assert.Contains(room, export.GetProperty("rooms").EnumerateArray().Select(r => r.Str("id")));
        var messages = export.GetProperty("messages").EnumerateArray().ToArray();
        Assert.Equal([(room, first, "ランチどこにしますか"), (room, second, "いいですね")],
            messages.Select(m => (m.Str("roomId"), m.Long("seq"), m.Str("text"))));
        var reaction = Assert.Single(export.GetProperty("reactions").EnumerateArray());
        Assert.Equal((room, theirs, "👍"), (reaction.Str("roomId"), reaction.Long("seq"), reaction.Str("key")));
    }

    [Fact]
    public async Task The_export_needs_a_token()
    {
        var response = await fixture.Node.Anonymous.GetAsync("/api/me/export");

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

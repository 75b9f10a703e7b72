using System.Net;
using System.Text.Json;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

public sealed class MessageHistoryTests(HistoryFixture fixture) : IClassFixture<HistoryFixture>
{
    private const int PageSize = 50;

    [Fact]
    public async Task Paging_back_with_before_walks_every_message_once_in_ascending_pages()
    {
        var pages = new List<JsonElement[]>();
        var query = $"?limit={PageSize}";
        while (true)
        {
            var page = await fixture.Owner.HistoryAsync(fixture.RoomId, query);
            if (page.Length == 0) break;
            Assert.True(pages.Count < 10, "paging back does not end");
            pages.Add(page);
            query = $"?before={page[0].Long("seq")}&limit={PageSize}";
        }

        Assert.Equal(new[] { 50, 50, 20 }, pages.Select(p => p.Length));
        foreach (var page in pages) AssertAscending(page);
        var walked = pages.AsEnumerable().Reverse().SelectMany(p => p).ToArray();
        AssertAllMessagesOnce(walked);
    }

    [Fact]
    public async Task Paging_forward_with_after_walks_every_message_once_in_ascending_pages()
    {
        var pages = new List<JsonElement[]>();
        var after = 0L;
        while (true)
        {
            var page = await fixture.Owner.HistoryAsync(fixture.RoomId, $"?after={after}&limit={PageSize}");
            if (page.Length == 0) break;
            Assert.True(pages.Count < 10, "paging forward does not end");
            pages.Add(page);
            after = page[^1].Long("seq");
        }

        Assert.Equal(new[] { 50, 50, 20 }, pages.Select(p => p.Length));
        foreach (var page in pages) AssertAscending(page);
        AssertAllMessagesOnce(pages.SelectMany(p => p).ToArray());
    }

    [Fact]
    public async Task Without_a_limit_a_page_holds_50_messages_the_latest_ones_or_the_first_ones_after_a_seq()
    {
        var latest = await fixture.Owner.HistoryAsync(fixture.RoomId);
        Assert.Equal(Steps.Range(71, 120), latest.Seqs());

        var before = await fixture.Owner.HistoryAsync(fixture.RoomId, "?before=71");
        Assert.Equal(Steps.Range(21, 70), before.Seqs());

        var after = await fixture.Owner.HistoryAsync(fixture.RoomId, "?after=0");
        Assert.Equal(Steps.Range(1, 50), after.Seqs());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    [InlineData(-1)]
    public async Task A_limit_outside_1_to_100_is_invalid(int limit)
    {
        var response = await fixture.Owner.Http.GetAsync($"/api/rooms/{fixture.RoomId}/messages?limit={limit}");

        var detail = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid");
        Assert.Contains("limit", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_limit_may_be_1_or_100()
    {
        Assert.Equal(new[] { 120L }, (await fixture.Owner.HistoryAsync(fixture.RoomId, "?limit=1")).Seqs());
        Assert.Equal(Steps.Range(21, 120), (await fixture.Owner.HistoryAsync(fixture.RoomId, "?limit=100")).Seqs());
    }

    [Fact]
    public async Task Before_and_after_together_are_invalid()
    {
        var response = await fixture.Owner.Http.GetAsync($"/api/rooms/{fixture.RoomId}/messages?before=100&after=10");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid");
    }

    private static void AssertAscending(JsonElement[] page)
    {
        var seqs = page.Seqs();
        Assert.True(seqs.SequenceEqual(seqs.Order()), $"page not ascending: {string.Join(", ", seqs)}");
    }

    private static void AssertAllMessagesOnce(JsonElement[] walked)
    {
        Assert.Equal(Steps.Range(1, HistoryFixture.MessageCount), walked.Seqs());
        foreach (var message in walked)
        {
            Assert.Equal($"message {message.Long("seq")}", message.Str("text"));
        }
    }
}

using System.Net;
using System.Text.Json;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>
/// One node shared by the tests of a class (starting one costs about a second), with the
/// network that invites onto it. Tests that share it use handles of their own.
/// </summary>
public sealed class SharedNodeFixture : IAsyncLifetime
{
    private CommunityNode? _node;
    private Network? _network;

    public CommunityNode Node => _node ?? throw new InvalidOperationException("The node has not started.");

    public Network Network => _network ?? throw new InvalidOperationException("The node has not started.");

    public async Task InitializeAsync()
    {
        _node = await CommunityNode.StartAsync();
        _network = new Network(_node);
    }

    public async Task DisposeAsync()
    {
        if (_node is not null) await _node.DisposeAsync();
    }

    /// <summary>Posts a sign-up as a person would send it.</summary>
    public Task<HttpResponseMessage> RegisterAsync(string? inviteCode, string? handle, string? displayName = "Test Member",
        string? password = "a-long-password") =>
        Node.Anonymous.PostJsonAsync("/api/auth/register", new { inviteCode, handle, displayName, password });

    public Task<HttpResponseMessage> LoginAsync(string? handle, string? password) =>
        Node.Anonymous.PostJsonAsync("/api/auth/login", new { handle, password });

    /// <summary>The secretariat's listing of one invitation.</summary>
    public async Task<JsonElement> InvitationAsync(string code)
    {
        var secretariat = await Network.SecretariatAsync();
        var list = await (await secretariat.Http.GetAsync("/api/admin/invitations")).ReadJsonAsync();
        var found = list.Items().Where(i => i.Str("code") == code).ToArray();
        Assert.True(found.Length == 1, $"expected invitation {code} once in the list, found it {found.Length} time(s)");
        return found[0];
    }

    /// <summary>The members whose handle is exactly <paramref name="handle"/>, as the directory finds them.</summary>
    public async Task<JsonElement[]> MembersWithHandleAsync(TestMember viewer, string handle)
    {
        var page = await (await viewer.Http.GetAsync($"/api/members?q={Uri.EscapeDataString(handle)}&limit=100")).ReadJsonAsync();
        return page.Items().Where(m => m.Str("handle") == handle).ToArray();
    }

    /// <summary>Asserts a 400 <c>invalid</c> problem whose detail names <paramref name="field"/>.</summary>
    public static async Task AssertInvalidAsync(HttpResponseMessage response, string field)
    {
        var detail = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid");
        Assert.True(detail.Contains(field, StringComparison.Ordinal), $"expected the problem to name '{field}', its detail is: {detail}");
    }
}

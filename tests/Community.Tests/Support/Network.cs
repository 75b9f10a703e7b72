using System.Net;
using System.Text.Json;

namespace Community.Tests.Support;

/// <summary>Sets up a node's people the way a real network does: the secretariat invites, members sign up.</summary>
public sealed class Network(CommunityNode node)
{
    private TestMember? _secretariat;
    private int _next;

    public CommunityNode Node => node;

    public async Task<TestMember> SecretariatAsync() => _secretariat ??= await LoginAsync(CommunityNode.SecretariatHandle, CommunityNode.SecretariatPassword);

    /// <summary>Signs in; the sign-in must succeed.</summary>
    public async Task<TestMember> LoginAsync(string handle, string password)
    {
        var body = await (await PostLoginAsync(handle, password)).ReadJsonAsync();
        return new TestMember(body.GetProperty("member").Str("id"), handle, body.Str("token"), node.ClientFor(body.Str("token")));
    }

    /// <summary><c>POST /api/auth/login</c> as a person would send it; the answer, whatever it is.</summary>
    public Task<HttpResponseMessage> PostLoginAsync(string? handle, string? password) =>
        node.Anonymous.PostJsonAsync("/api/auth/login", new { handle, password });

    /// <summary><c>POST /api/auth/register</c> as a person would send it; the answer, whatever it is.</summary>
    public Task<HttpResponseMessage> PostRegisterAsync(string? inviteCode, string? handle, string? displayName = "Test Member",
        string? password = "a-long-password") =>
        node.Anonymous.PostJsonAsync("/api/auth/register", new { inviteCode, handle, displayName, password });

    /// <summary>New invitation codes from the secretariat.</summary>
    public async Task<string[]> InviteAsync(int count = 1, string role = "alumnus", int expiresInDays = 30)
    {
        var secretariat = await SecretariatAsync();
        var response = await secretariat.Http.PostJsonAsync("/api/admin/invitations", new { count, role, expiresInDays });
        var body = await response.ReadJsonAsync(HttpStatusCode.Created);
        return body.GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToArray();
    }

    /// <summary>The secretariat's listing of one invitation; it must be listed once.</summary>
    public async Task<JsonElement> InvitationAsync(string code)
    {
        var secretariat = await SecretariatAsync();
        var found = (await secretariat.GetAsync("/api/admin/invitations")).Items().Where(i => i.Str("code") == code).ToArray();
        Assert.True(found.Length == 1, $"expected invitation {code} once in the list, found it {found.Length} time(s)");
        return found[0];
    }

    /// <summary>Invites and signs up a member; the handle is made unique unless given.</summary>
    public async Task<TestMember> JoinAsync(string? handle = null, string? displayName = null, string password = "a-long-password")
    {
        handle ??= $"member{Interlocked.Increment(ref _next)}";
        var code = (await InviteAsync())[0];
        var body = await (await PostRegisterAsync(code, handle, displayName ?? handle, password)).ReadJsonAsync(HttpStatusCode.Created);
        return new TestMember(body.GetProperty("member").Str("id"), handle, body.Str("token"), node.ClientFor(body.Str("token")));
    }
}

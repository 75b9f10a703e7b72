using System.Net;

namespace Community.Tests.Support;

/// <summary>Sets up a node's people the way a real network does: the secretariat invites, members sign up.</summary>
public sealed class Network(CommunityNode node)
{
    private TestMember? _secretariat;
    private int _next;

    public CommunityNode Node => node;

    public async Task<TestMember> SecretariatAsync() => _secretariat ??= await LoginAsync(CommunityNode.SecretariatHandle, CommunityNode.SecretariatPassword);

    public async Task<TestMember> LoginAsync(string handle, string password)
    {
        var response = await node.Anonymous.PostJsonAsync("/api/auth/login", new { handle, password });
        var body = await response.ReadJsonAsync();
        return new TestMember(body.GetProperty("member").Str("id"), handle, body.Str("token"), node.ClientFor(body.Str("token")));
    }

    /// <summary>New invitation codes from the secretariat.</summary>
    public async Task<string[]> InviteAsync(int count = 1, string role = "alumnus", int expiresInDays = 30)
    {
        var secretariat = await SecretariatAsync();
        var response = await secretariat.Http.PostJsonAsync("/api/admin/invitations", new { count, role, expiresInDays });
        var body = await response.ReadJsonAsync(HttpStatusCode.Created);
        return body.GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToArray();
    }

    /// <summary>Invites and signs up a member; the handle is made unique unless given.</summary>
    public async Task<TestMember> JoinAsync(string? handle = null, string? displayName = null, string password = "a-long-password")
    {
        handle ??= $"member{Interlocked.Increment(ref _next)}";
        var code = (await InviteAsync())[0];
        var response = await node.Anonymous.PostJsonAsync("/api/auth/register",
            new { inviteCode = code, handle, displayName = displayName ?? handle, password });
        var body = await response.ReadJsonAsync(HttpStatusCode.Created);
        return new TestMember(body.GetProperty("member").Str("id"), handle, body.Str("token"), node.ClientFor(body.Str("token")));
    }

    /// <summary>Creates a room owned by <paramref name="owner"/>; returns its id.</summary>
    public static async Task<string> CreateRoomAsync(TestMember owner, string name = "Reunion 2026", string visibility = "public")
    {
        var response = await owner.Http.PostJsonAsync("/api/rooms", new { name, visibility });
        return (await response.ReadJsonAsync(HttpStatusCode.Created)).Str("id");
    }
}

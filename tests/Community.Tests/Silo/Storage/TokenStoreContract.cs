using Community.Grains.Storage;

namespace Community.Tests.Silo.Storage;

/// <summary>The behaviour every <see cref="ITokenStore"/> must show.</summary>
public abstract class TokenStoreContract : StorageContract
{
    [Fact]
    public async Task Token_finds_its_session_until_it_is_revoked()
    {
        await AddMemberAsync("m_a", "alice");
        await Stores.Tokens.AddAsync("hash-1", Session("s_1", "m_a")).WaitAsync(Timeout);
        await Stores.Tokens.AddAsync("hash-2", Session("s_2", "m_a")).WaitAsync(Timeout);
        Assert.Equal(Session("s_1", "m_a"), await Stores.Tokens.FindAsync("hash-1").WaitAsync(Timeout));

        await Stores.Tokens.RevokeAsync("hash-1", T0.AddHours(1)).WaitAsync(Timeout);

        Assert.Null(await Stores.Tokens.FindAsync("hash-1").WaitAsync(Timeout));
        Assert.Equal("m_a", (await Stores.Tokens.FindAsync("hash-2").WaitAsync(Timeout))?.MemberId);
    }

    [Fact]
    public async Task Revoking_a_token_twice_is_harmless()
    {
        await AddMemberAsync("m_a", "alice");
        await Stores.Tokens.AddAsync("hash-1", Session("s_1", "m_a")).WaitAsync(Timeout);

        await Stores.Tokens.RevokeAsync("hash-1", T0.AddHours(1)).WaitAsync(Timeout);
        await Stores.Tokens.RevokeAsync("hash-1", T0.AddHours(2)).WaitAsync(Timeout);

        Assert.Null(await Stores.Tokens.FindAsync("hash-1").WaitAsync(Timeout));
    }

    [Fact]
    public async Task Revoking_an_unknown_token_is_harmless()
    {
        await Stores.Tokens.RevokeAsync("hash-unknown", T0).WaitAsync(Timeout);

        Assert.Null(await Stores.Tokens.FindAsync("hash-unknown").WaitAsync(Timeout));
    }

    [Fact]
    public async Task Unknown_token_hash_finds_no_session()
    {
        await AddMemberAsync("m_a", "alice");
        await Stores.Tokens.AddAsync("hash-1", Session("s_1", "m_a")).WaitAsync(Timeout);

        Assert.Null(await Stores.Tokens.FindAsync("hash-2").WaitAsync(Timeout));
        Assert.Null(await Stores.Tokens.FindAsync("HASH-1").WaitAsync(Timeout));
    }

    [Fact]
    public async Task A_suspended_members_tokens_find_no_session()
    {
        await AddMemberAsync("m_a", "alice");
        await Stores.Tokens.AddAsync("hash-1", Session("s_1", "m_a")).WaitAsync(Timeout);

        Assert.True(await Stores.Members.SetSuspendedAsync("m_a", suspended: true).WaitAsync(Timeout));

        Assert.Null(await Stores.Tokens.FindAsync("hash-1").WaitAsync(Timeout));
    }

    [Fact]
    public async Task Touching_moves_the_last_use_forward_only()
    {
        await AddMemberAsync("m_a", "alice");
        await Stores.Tokens.AddAsync("hash-1", Session("s_1", "m_a")).WaitAsync(Timeout);

        await Stores.Tokens.TouchAsync("hash-1", T0.AddMinutes(5)).WaitAsync(Timeout);
        await Stores.Tokens.TouchAsync("hash-1", T0.AddMinutes(2)).WaitAsync(Timeout);

        var session = await Stores.Tokens.FindAsync("hash-1").WaitAsync(Timeout);
        Assert.Equal(T0.AddMinutes(5), session?.LastSeenAt);
        Assert.Equal(T0, session?.CreatedAt);
    }

    [Fact]
    public async Task A_members_sessions_are_listed_most_recently_used_first_without_revoked_ones_or_other_members()
    {
        await AddMemberAsync("m_a", "alice");
        await AddMemberAsync("m_b", "bob");
        await Stores.Tokens.AddAsync("hash-1", Session("s_1", "m_a", "Safari · iPhone")).WaitAsync(Timeout);
        await Stores.Tokens.AddAsync("hash-2", Session("s_2", "m_a", "Chrome · Windows")).WaitAsync(Timeout);
        await Stores.Tokens.AddAsync("hash-3", Session("s_3", "m_a")).WaitAsync(Timeout);
        await Stores.Tokens.AddAsync("hash-4", Session("s_4", "m_b")).WaitAsync(Timeout);
        await Stores.Tokens.TouchAsync("hash-2", T0.AddMinutes(3)).WaitAsync(Timeout);
        await Stores.Tokens.TouchAsync("hash-1", T0.AddMinutes(2)).WaitAsync(Timeout);
        await Stores.Tokens.RevokeAsync("hash-3", T0.AddMinutes(4)).WaitAsync(Timeout);

        var sessions = await Stores.Tokens.ListAsync("m_a").WaitAsync(Timeout);

        Assert.Equal(["s_2", "s_1"], sessions.Select(s => s.Id));
        Assert.Equal(["Chrome · Windows", "Safari · iPhone"], sessions.Select(s => s.Device));
    }

    [Fact]
    public async Task A_session_is_revoked_by_its_id_only_for_its_own_member_and_answers_its_token_hash_once()
    {
        await AddMemberAsync("m_a", "alice");
        await AddMemberAsync("m_b", "bob");
        await Stores.Tokens.AddAsync("hash-1", Session("s_1", "m_a")).WaitAsync(Timeout);

        Assert.Null(await Stores.Tokens.RevokeSessionAsync("m_b", "s_1", T0.AddHours(1)).WaitAsync(Timeout));
        Assert.NotNull(await Stores.Tokens.FindAsync("hash-1").WaitAsync(Timeout));

        Assert.Equal("hash-1", await Stores.Tokens.RevokeSessionAsync("m_a", "s_1", T0.AddHours(1)).WaitAsync(Timeout));
        Assert.Null(await Stores.Tokens.FindAsync("hash-1").WaitAsync(Timeout));
        Assert.Null(await Stores.Tokens.RevokeSessionAsync("m_a", "s_1", T0.AddHours(2)).WaitAsync(Timeout));
    }

    [Fact]
    public async Task Revoking_all_but_one_session_keeps_that_one_and_answers_the_others_token_hashes()
    {
        await AddMemberAsync("m_a", "alice");
        await AddMemberAsync("m_b", "bob");
        await Stores.Tokens.AddAsync("hash-1", Session("s_1", "m_a")).WaitAsync(Timeout);
        await Stores.Tokens.AddAsync("hash-2", Session("s_2", "m_a")).WaitAsync(Timeout);
        await Stores.Tokens.AddAsync("hash-3", Session("s_3", "m_a")).WaitAsync(Timeout);
        await Stores.Tokens.AddAsync("hash-4", Session("s_4", "m_b")).WaitAsync(Timeout);

        var revoked = await Stores.Tokens.RevokeAllAsync("m_a", keepSessionId: "s_2", T0.AddHours(1)).WaitAsync(Timeout);

        Assert.Equal(["hash-1", "hash-3"], revoked.Order());
        Assert.Equal(["s_2"], (await Stores.Tokens.ListAsync("m_a").WaitAsync(Timeout)).Select(s => s.Id));
        Assert.NotNull(await Stores.Tokens.FindAsync("hash-4").WaitAsync(Timeout));
        Assert.Equal(["hash-2"], await Stores.Tokens.RevokeAllAsync("m_a", keepSessionId: null, T0.AddHours(2)).WaitAsync(Timeout));
        Assert.Empty(await Stores.Tokens.ListAsync("m_a").WaitAsync(Timeout));
    }

    private static Session Session(string id, string memberId, string? device = null) => new(id, memberId, device, T0, T0);
}

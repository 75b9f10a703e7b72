using Community.Grains.Storage;

namespace Community.Tests.Silo.Storage;

/// <summary>The behaviour every <see cref="ITokenStore"/> must show.</summary>
public abstract class TokenStoreContract : StorageContract
{
    [Fact]
    public async Task Token_finds_its_member_until_it_is_revoked()
    {
        await AddMemberAsync("m_a", "alice");
        await Stores.Tokens.AddAsync("hash-1", "m_a", T0).WaitAsync(Timeout);
        await Stores.Tokens.AddAsync("hash-2", "m_a", T0).WaitAsync(Timeout);
        Assert.Equal("m_a", await Stores.Tokens.FindMemberAsync("hash-1").WaitAsync(Timeout));

        await Stores.Tokens.RevokeAsync("hash-1", T0.AddHours(1)).WaitAsync(Timeout);

        Assert.Null(await Stores.Tokens.FindMemberAsync("hash-1").WaitAsync(Timeout));
        Assert.Equal("m_a", await Stores.Tokens.FindMemberAsync("hash-2").WaitAsync(Timeout));
    }

    [Fact]
    public async Task Revoking_a_token_twice_is_harmless()
    {
        await AddMemberAsync("m_a", "alice");
        await Stores.Tokens.AddAsync("hash-1", "m_a", T0).WaitAsync(Timeout);

        await Stores.Tokens.RevokeAsync("hash-1", T0.AddHours(1)).WaitAsync(Timeout);
        await Stores.Tokens.RevokeAsync("hash-1", T0.AddHours(2)).WaitAsync(Timeout);

        Assert.Null(await Stores.Tokens.FindMemberAsync("hash-1").WaitAsync(Timeout));
    }

    [Fact]
    public async Task Revoking_an_unknown_token_is_harmless()
    {
        await Stores.Tokens.RevokeAsync("hash-unknown", T0).WaitAsync(Timeout);

        Assert.Null(await Stores.Tokens.FindMemberAsync("hash-unknown").WaitAsync(Timeout));
    }

    [Fact]
    public async Task Unknown_token_hash_finds_no_member()
    {
        await AddMemberAsync("m_a", "alice");
        await Stores.Tokens.AddAsync("hash-1", "m_a", T0).WaitAsync(Timeout);

        Assert.Null(await Stores.Tokens.FindMemberAsync("hash-2").WaitAsync(Timeout));
        Assert.Null(await Stores.Tokens.FindMemberAsync("HASH-1").WaitAsync(Timeout));
    }
}

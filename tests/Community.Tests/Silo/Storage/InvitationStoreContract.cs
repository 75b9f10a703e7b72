using Community.Grains.Members;
using Community.Grains.Storage;

namespace Community.Tests.Silo.Storage;

/// <summary>The behaviour every <see cref="IInvitationStore"/> must show.</summary>
public abstract class InvitationStoreContract : StorageContract
{
    private static readonly MemberProfile Newcomer = MemberProfile.New("m_new", "newcomer", "新井 一郎", MemberRoles.Alumnus, T0);

    private static Invitation Code(string code, string role = MemberRoles.Secretariat, DateTimeOffset? expiresAt = null, string? note = null) =>
        new(code, role, expiresAt ?? T0.AddDays(14), UsedBy: null, note, CreatedBy: "m_admin", CreatedAt: T0);

    [Fact]
    public async Task Added_invitations_are_listed_and_read_back_by_code()
    {
        var invitations = new[] { Code("INV-A", note: "2019年入社・営業部"), Code("INV-B", MemberRoles.Employee), Code("INV-C", MemberRoles.Supporter) };

        await Stores.Invitations.AddAsync(invitations).WaitAsync(Timeout);

        Assert.Equal(invitations.OrderBy(i => i.Code), (await Stores.Invitations.ListAsync().WaitAsync(Timeout)).OrderBy(i => i.Code));
        Assert.Equal(invitations[0], await Stores.Invitations.GetAsync("INV-A").WaitAsync(Timeout));
        Assert.Null(await Stores.Invitations.GetAsync("INV-Z").WaitAsync(Timeout));
    }

    [Fact]
    public async Task Redeem_creates_the_member_with_the_invitation_role_and_marks_the_code_used()
    {
        await Stores.Invitations.AddAsync([Code("INV-A", MemberRoles.Secretariat)]).WaitAsync(Timeout);

        var result = await Stores.Invitations.RedeemAsync("INV-A", Newcomer, "pw-hash", T0.AddHours(1)).WaitAsync(Timeout);

        Assert.Equal(RedeemResult.Redeemed, result);
        var member = await Stores.Members.GetAsync("m_new").WaitAsync(Timeout);
        Assert.Equal(MemberRoles.Secretariat, member?.Profile.Role);
        Assert.Equal("新井 一郎", member?.Profile.DisplayName);
        Assert.Equal(new MemberCredentials("m_new", "pw-hash", false), await Stores.Members.GetCredentialsAsync("newcomer").WaitAsync(Timeout));
        Assert.Equal("m_new", (await Stores.Invitations.GetAsync("INV-A").WaitAsync(Timeout))?.UsedBy);
    }

    [Fact]
    public async Task Redeem_of_an_unknown_code_returns_UnknownCode_and_creates_no_member()
    {
        var result = await Stores.Invitations.RedeemAsync("INV-NOPE", Newcomer, "pw-hash", T0).WaitAsync(Timeout);

        Assert.Equal(RedeemResult.UnknownCode, result);
        await AssertNoMemberAsync();
    }

    [Fact]
    public async Task Redeem_of_a_used_code_returns_AlreadyUsed_and_creates_no_member()
    {
        await Stores.Invitations.AddAsync([Code("INV-A")]).WaitAsync(Timeout);
        var first = MemberProfile.New("m_first", "first", "First", MemberRoles.Alumnus, T0);
        Assert.Equal(RedeemResult.Redeemed, await Stores.Invitations.RedeemAsync("INV-A", first, "h", T0).WaitAsync(Timeout));

        var result = await Stores.Invitations.RedeemAsync("INV-A", Newcomer, "pw-hash", T0.AddMinutes(1)).WaitAsync(Timeout);

        Assert.Equal(RedeemResult.AlreadyUsed, result);
        await AssertNoMemberAsync();
        Assert.Equal("m_first", (await Stores.Invitations.GetAsync("INV-A").WaitAsync(Timeout))?.UsedBy);
    }

    [Fact]
    public async Task Redeem_of_an_expired_code_returns_Expired_and_leaves_the_code_unused()
    {
        await Stores.Invitations.AddAsync([Code("INV-A", expiresAt: T0.AddDays(14))]).WaitAsync(Timeout);

        var result = await Stores.Invitations.RedeemAsync("INV-A", Newcomer, "pw-hash", T0.AddDays(15)).WaitAsync(Timeout);

        Assert.Equal(RedeemResult.Expired, result);
        await AssertNoMemberAsync();
        Assert.Null((await Stores.Invitations.GetAsync("INV-A").WaitAsync(Timeout))?.UsedBy);
    }

    [Fact]
    public async Task Redeem_with_a_taken_handle_returns_HandleTaken_and_leaves_the_code_unused()
    {
        await AddMemberAsync("m_existing", "newcomer");
        await Stores.Invitations.AddAsync([Code("INV-A")]).WaitAsync(Timeout);

        var result = await Stores.Invitations.RedeemAsync("INV-A", Newcomer, "pw-hash", T0).WaitAsync(Timeout);

        Assert.Equal(RedeemResult.HandleTaken, result);
        await AssertNoMemberAsync();
        Assert.Equal("m_existing", (await Stores.Members.GetByHandleAsync("newcomer").WaitAsync(Timeout))?.Profile.Id);
        Assert.Null((await Stores.Invitations.GetAsync("INV-A").WaitAsync(Timeout))?.UsedBy);
        // The code is still good for someone else.
        var other = MemberProfile.New("m_other", "other", "Other", MemberRoles.Alumnus, T0);
        Assert.Equal(RedeemResult.Redeemed, await Stores.Invitations.RedeemAsync("INV-A", other, "h", T0).WaitAsync(Timeout));
    }

    [Fact]
    public async Task Two_nodes_redeeming_one_code_at_once_create_exactly_one_member()
    {
        await Stores.Invitations.AddAsync([Code("INV-A")]).WaitAsync(Timeout);
        var second = await OpenSecondNodeAsync();
        var alice = MemberProfile.New("m_alice", "alice", "Alice", MemberRoles.Alumnus, T0);
        var bob = MemberProfile.New("m_bob", "bob", "Bob", MemberRoles.Alumnus, T0);

        var results = await Task.WhenAll(
            Task.Run(() => Stores.Invitations.RedeemAsync("INV-A", alice, "h", T0)),
            Task.Run(() => second.Invitations.RedeemAsync("INV-A", bob, "h", T0))).WaitAsync(Timeout);

        Assert.Equal([RedeemResult.Redeemed, RedeemResult.AlreadyUsed], results.Order());
        var winner = results[0] == RedeemResult.Redeemed ? "m_alice" : "m_bob";
        var loser = winner == "m_alice" ? "m_bob" : "m_alice";
        Assert.Equal(winner, (await Stores.Invitations.GetAsync("INV-A").WaitAsync(Timeout))?.UsedBy);
        Assert.NotNull(await Stores.Members.GetAsync(winner).WaitAsync(Timeout));
        Assert.Null(await Stores.Members.GetAsync(loser).WaitAsync(Timeout));
    }

    private async Task AssertNoMemberAsync()
    {
        Assert.Null(await Stores.Members.GetAsync("m_new").WaitAsync(Timeout));
        Assert.NotEqual("m_new", (await Stores.Members.GetCredentialsAsync("newcomer").WaitAsync(Timeout))?.MemberId);
    }
}

using Community.Grains.Audit;
using Community.Grains.Members;
using Community.Grains.Storage;
using Community.Silo.Storage;
using Dapper;

namespace Community.Tests.Silo.Storage;

/// <summary>The behaviour every <see cref="IAuditStore"/> must show, and the audited writes of the other stores.</summary>
public abstract class AuditStoreContract : StorageContract
{
    [Fact]
    public async Task Entries_page_newest_first_and_filter_by_action_and_actor()
    {
        await AddMemberAsync("m_a", "alice");
        await AddMemberAsync("m_b", "bob");
        for (var i = 0; i < 5; i++)
            await Stores.Audit.AddAsync(Entry(i % 2 == 0 ? AuditActions.MemberSuspended : AuditActions.MemberUnsuspended, i < 3 ? "m_a" : "m_b", $"t{i}")).WaitAsync(Timeout);

        var newest = await Stores.Audit.PageAsync(null, 2, null, null).WaitAsync(Timeout);
        var older = await Stores.Audit.PageAsync(newest[^1].Id, 10, null, null).WaitAsync(Timeout);

        Assert.Equal(["t4", "t3"], newest.Select(e => e.TargetId));
        Assert.Equal(["t2", "t1", "t0"], older.Select(e => e.TargetId));
        Assert.Equal(["t4", "t2", "t0"], (await Stores.Audit.PageAsync(null, 10, AuditActions.MemberSuspended, null).WaitAsync(Timeout)).Select(e => e.TargetId));
        Assert.Equal(["t4", "t3"], (await Stores.Audit.PageAsync(null, 10, null, "m_b").WaitAsync(Timeout)).Select(e => e.TargetId));
        Assert.Equal(["t2", "t0"], (await Stores.Audit.PageAsync(null, 10, AuditActions.MemberSuspended, "m_a").WaitAsync(Timeout)).Select(e => e.TargetId));
    }

    [Fact]
    public async Task An_entry_reads_back_as_written_with_the_actors_handle()
    {
        await AddMemberAsync("m_a", "alice");

        await Stores.Audit.AddAsync(AuditEntry.Of(AuditActions.RoomMemberMuted, "m_a", "r_1", "m_b", new { minutes = 30, note = "山田さん" }, T0)).WaitAsync(Timeout);
        await Stores.Audit.AddAsync(AuditEntry.Of(AuditActions.RoleGranted, null, null, "m_a", null, T0)).WaitAsync(Timeout);

        var entries = await Stores.Audit.PageAsync(null, 10, null, null).WaitAsync(Timeout);
        Assert.Equal((AuditActions.RoleGranted, (string?)null, (string?)null, "{}"), (entries[0].Action, entries[0].ActorId, entries[0].ActorHandle, entries[0].Detail));
        var muted = entries[1];
        Assert.Equal((T0, AuditActions.RoomMemberMuted, "m_a", "alice", "r_1", "m_b"),
            (muted.At, muted.Action, muted.ActorId, muted.ActorHandle, muted.RoomId, muted.TargetId));
        using var detail = System.Text.Json.JsonDocument.Parse(muted.Detail);
        Assert.Equal(30, detail.RootElement.GetProperty("minutes").GetInt32());
        Assert.Equal("山田さん", detail.RootElement.GetProperty("note").GetString());
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_an_entry()
    {
        await Stores.Audit.AddAsync(Entry(AuditActions.MemberSuspended, null, "t0")).WaitAsync(Timeout);
        await using var connection = await Database.OpenAsync().WaitAsync(Timeout);

        await Assert.ThrowsAnyAsync<Exception>(() => connection.ExecuteAsync("UPDATE audit_log SET target_id = 'forged'").WaitAsync(Timeout));
        await Assert.ThrowsAnyAsync<Exception>(() => connection.ExecuteAsync("DELETE FROM audit_log").WaitAsync(Timeout));

        Assert.Equal(["t0"], (await Stores.Audit.PageAsync(null, 10, null, null).WaitAsync(Timeout)).Select(e => e.TargetId));
    }

    [Fact]
    public async Task A_suspension_and_its_entry_are_written_together_and_neither_for_an_unknown_member()
    {
        await AddMemberAsync("m_a", "alice");

        Assert.True(await Stores.Members.SetSuspendedAsync("m_a", true, Entry(AuditActions.MemberSuspended, null, "m_a")).WaitAsync(Timeout));
        Assert.False(await Stores.Members.SetSuspendedAsync("m_nobody", true, Entry(AuditActions.MemberSuspended, null, "m_nobody")).WaitAsync(Timeout));

        Assert.Equal(["m_a"], (await Stores.Audit.PageAsync(null, 10, null, null).WaitAsync(Timeout)).Select(e => e.TargetId));
    }

    [Fact]
    public async Task An_invitation_is_revoked_once_with_one_entry_and_a_used_one_not_at_all()
    {
        await AddMemberAsync("m_s", "secretariat");
        await Stores.Invitations.AddAsync([Invitation("AAAA-AAAA-AAAA"), Invitation("BBBB-BBBB-BBBB")], Entry(AuditActions.InvitationsCreated, "m_s", null))
            .WaitAsync(Timeout);
        var member = MemberProfile.New("m_new", "newcomer", "Newcomer", "alumnus", T0);
        Assert.Equal(RedeemResult.Redeemed, await Stores.Invitations.RedeemAsync("BBBB-BBBB-BBBB", member, "hash", T0).WaitAsync(Timeout));

        var first = await Stores.Invitations.RevokeAsync("AAAA-AAAA-AAAA", T0, Entry(AuditActions.InvitationRevoked, "m_s", "AAAA-AAAA-AAAA")).WaitAsync(Timeout);
        var again = await Stores.Invitations.RevokeAsync("AAAA-AAAA-AAAA", T0, Entry(AuditActions.InvitationRevoked, "m_s", "AAAA-AAAA-AAAA")).WaitAsync(Timeout);
        var used = await Stores.Invitations.RevokeAsync("BBBB-BBBB-BBBB", T0, Entry(AuditActions.InvitationRevoked, "m_s", "BBBB-BBBB-BBBB")).WaitAsync(Timeout);
        var unknown = await Stores.Invitations.RevokeAsync("CCCC-CCCC-CCCC", T0, Entry(AuditActions.InvitationRevoked, "m_s", "CCCC-CCCC-CCCC")).WaitAsync(Timeout);

        Assert.Equal((RevokeInvitationResult.Revoked, RevokeInvitationResult.AlreadyRevoked, RevokeInvitationResult.AlreadyUsed, RevokeInvitationResult.UnknownCode),
            (first, again, used, unknown));
        Assert.Equal(RedeemResult.Revoked, await Stores.Invitations.RedeemAsync("AAAA-AAAA-AAAA", member with { Id = "m_late", Handle = "late" }, "hash", T0)
            .WaitAsync(Timeout));
        Assert.Equal([AuditActions.InvitationRevoked, AuditActions.InvitationsCreated],
            (await Stores.Audit.PageAsync(null, 10, null, null).WaitAsync(Timeout)).Select(e => e.Action));
        Assert.Equal(T0, (await Stores.Invitations.GetAsync("AAAA-AAAA-AAAA").WaitAsync(Timeout))?.RevokedAt);
    }

    /// <summary>The database the stores under test use, for what no store offers.</summary>
    private IDbConnectionFactory Database => Stores switch
    {
        Sqlite.SqliteStorage sqlite => sqlite.Database,
        Postgres.PostgresStorage postgres => postgres.Database,
        _ => throw new InvalidOperationException("unknown store"),
    };

    private static AuditEntry Entry(string action, string? actorId, string? targetId) => AuditEntry.Of(action, actorId, null, targetId, null, T0);

    private static Invitation Invitation(string code) => new(code, "alumnus", T0.AddDays(30), null, null, "m_s", T0);
}

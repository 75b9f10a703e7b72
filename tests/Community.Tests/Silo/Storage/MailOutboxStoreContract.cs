using Community.Grains.Mail;

namespace Community.Tests.Silo.Storage;

/// <summary>The behaviour every <see cref="Grains.Storage.IMailOutboxStore"/> must show: one mail per key, leases that keep two nodes apart, retries.</summary>
public abstract class MailOutboxStoreContract : StorageContract
{
    private static OutboxMail Mail(string key) => new(key, MailKinds.Digest, "m_a", "alice@example.jp", "件名", "本文", "http://example.test/u");

    [Fact]
    public async Task A_key_is_taken_once_however_often_it_is_queued()
    {
        Assert.Equal(2, await Stores.MailOutbox.EnqueueAsync([Mail("digest:m_a:0"), Mail("digest:m_b:0")], T0).WaitAsync(Timeout));
        Assert.Equal(1, await Stores.MailOutbox.EnqueueAsync([Mail("digest:m_a:0"), Mail("digest:m_c:0")], T0).WaitAsync(Timeout));

        Assert.Equal(3, (await Stores.MailOutbox.ListAsync(pendingOnly: true, 10).WaitAsync(Timeout)).Count);
    }

    [Fact]
    public async Task A_leased_mail_is_not_claimed_by_another_node_until_its_lease_runs_out()
    {
        var second = await OpenSecondNodeAsync();
        await Stores.MailOutbox.EnqueueAsync([Mail("broadcast:1:m_a"), Mail("broadcast:1:m_b")], T0).WaitAsync(Timeout);

        var first = await Stores.MailOutbox.ClaimAsync("node-1", T0, T0.AddMinutes(5), 1).WaitAsync(Timeout);
        var other = await second.MailOutbox.ClaimAsync("node-2", T0, T0.AddMinutes(5), 10).WaitAsync(Timeout);
        var none = await second.MailOutbox.ClaimAsync("node-2", T0.AddMinutes(1), T0.AddMinutes(6), 10).WaitAsync(Timeout);
        var expired = await second.MailOutbox.ClaimAsync("node-2", T0.AddMinutes(5), T0.AddMinutes(10), 10).WaitAsync(Timeout);

        var mine = Assert.Single(first).Mail.Key;
        Assert.NotEqual(mine, Assert.Single(other).Mail.Key);
        Assert.Empty(none);
        Assert.Equal(2, expired.Count);
    }

    [Fact]
    public async Task A_failed_mail_waits_for_its_next_attempt_and_a_sent_one_is_never_claimed_again()
    {
        await Stores.MailOutbox.EnqueueAsync([Mail("digest:m_a:0"), Mail("digest:m_b:0")], T0).WaitAsync(Timeout);
        var claimed = await Stores.MailOutbox.ClaimAsync("node-1", T0, T0.AddMinutes(5), 10).WaitAsync(Timeout);
        Assert.Equal(2, claimed.Count);

        await Stores.MailOutbox.MarkFailedAsync("digest:m_a:0", "node-1", "IOException: refused", T0.AddMinutes(2)).WaitAsync(Timeout);
        await Stores.MailOutbox.MarkSentAsync("digest:m_b:0", "node-1", T0.AddSeconds(1)).WaitAsync(Timeout);

        Assert.Empty(await Stores.MailOutbox.ClaimAsync("node-1", T0.AddMinutes(1), T0.AddMinutes(6), 10).WaitAsync(Timeout));
        var retried = Assert.Single(await Stores.MailOutbox.ClaimAsync("node-1", T0.AddMinutes(2), T0.AddMinutes(7), 10).WaitAsync(Timeout));
        Assert.Equal(("digest:m_a:0", 1), (retried.Mail.Key, retried.Attempts));
        // Much later the unsent one (its lease long run out) is taken again, the sent one never.
        Assert.Equal(["digest:m_a:0"], (await Stores.MailOutbox.ClaimAsync("node-2", T0.AddDays(1), T0.AddDays(2), 10).WaitAsync(Timeout)).Select(c => c.Mail.Key));
        var listed = await Stores.MailOutbox.ListAsync(pendingOnly: false, 10).WaitAsync(Timeout);
        var failed = Assert.Single(listed, e => e.Key == "digest:m_a:0");
        Assert.Equal((1, "IOException: refused", (DateTimeOffset?)null), (failed.Attempts, failed.LastError, failed.SentAt));
        Assert.Equal(T0.AddSeconds(1), Assert.Single(listed, e => e.Key == "digest:m_b:0").SentAt);
        Assert.Equal(["digest:m_a:0"], (await Stores.MailOutbox.ListAsync(pendingOnly: true, 10).WaitAsync(Timeout)).Select(e => e.Key));
    }

    [Fact]
    public async Task The_link_key_is_made_once_and_the_same_for_every_node()
    {
        var second = await OpenSecondNodeAsync();
        var key = await Stores.MailOutbox.LinkKeyAsync().WaitAsync(Timeout);

        Assert.Equal(64, key.Length);
        Assert.Equal(key, await second.MailOutbox.LinkKeyAsync().WaitAsync(Timeout));
    }
}

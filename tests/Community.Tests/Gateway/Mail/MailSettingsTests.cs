using System.Net;
using System.Net.Http.Json;
using Community.Silo.Mail;
using Community.Tests.Support;

namespace Community.Tests.Gateway.Mail;

/// <summary>A member's e-mail address and choices: checked, kept to themselves and the secretariat; the server without mail.</summary>
public sealed class MailSettingsTests(SharedNodeFixture fixture) : IClassFixture<SharedNodeFixture>
{
    [Theory]
    [InlineData("not-an-address")]
    [InlineData("alice@localhost")]
    [InlineData("Alice <alice@example.jp>")]
    [InlineData("alice@example.jp\r\nBcc: eve@example.jp")]
    [InlineData("alice @example.jp")]
    [InlineData("alice@example..jp")]
    [InlineData("@example.jp")]
    [InlineData("alice@example.jp.")]
    public async Task A_bad_address_is_refused_and_the_one_before_stays(string address)
    {
        var alice = await fixture.Network.JoinAsync();
        await alice.SetMailAsync(new { address = "alice@example.jp" });

        await (await alice.Http.PatchJsonAsync("/api/me/mail", new { address, digests = false })).AssertInvalidAsync("address");

        var settings = await alice.GetAsync("/api/me/mail");
        Assert.Equal("alice@example.jp", settings.Str("address"));
        Assert.True(settings.GetProperty("digests").GetBoolean());
    }

    [Fact]
    public async Task An_address_too_long_or_a_language_not_offered_is_refused()
    {
        var alice = await fixture.Network.JoinAsync();

        await (await alice.Http.PatchJsonAsync("/api/me/mail", new { address = new string('a', 250) + "@example.jp" })).AssertInvalidAsync("address");
        await (await alice.Http.PatchJsonAsync("/api/me/mail", new { language = "fr" })).AssertInvalidAsync("language");
        var settings = await alice.GetAsync("/api/me/mail");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, settings.GetProperty("address").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, settings.GetProperty("language").ValueKind);
    }

    [Fact]
    public async Task The_address_is_shown_to_the_member_and_the_secretariat_and_never_in_the_directory()
    {
        var network = fixture.Network;
        var alice = await network.JoinAsync();
        var bob = await network.JoinAsync();
        var secretariat = await network.SecretariatAsync();
        var address = $"{alice.Handle}@example.jp";
        Assert.Equal(address, (await alice.SetMailAsync(new { address = $"  {address} " })).Str("address"));

        Assert.DoesNotContain(address, await bob.Http.GetStringAsync($"/api/members/{alice.Id}"));
        Assert.DoesNotContain(address, await bob.Http.GetStringAsync($"/api/members?q={alice.Handle}"));
        Assert.DoesNotContain(address, await secretariat.Http.GetStringAsync($"/api/members?q={alice.Handle}"));
        Assert.DoesNotContain(address, await alice.Http.GetStringAsync("/api/me"));
        Assert.Equal(address, (await secretariat.GetAsync($"/api/admin/members/{alice.Id}/mail")).Str("address"));
        await (await bob.Http.GetAsync($"/api/admin/members/{alice.Id}/mail")).AssertForbiddenAsync();

        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await alice.SetMailAsync(new { address = "" })).GetProperty("address").ValueKind);
    }

    [Fact]
    public async Task A_deleted_account_leaves_no_address_behind()
    {
        var alice = await fixture.Network.JoinAsync();
        var secretariat = await fixture.Network.SecretariatAsync();
        await alice.SetMailAsync(new { address = "leaving@example.jp" });

        var deleted = await alice.Http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/me") { Content = JsonContent.Create(new { password = "a-long-password" }) });
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        await (await secretariat.Http.GetAsync($"/api/admin/members/{alice.Id}/mail")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await using var connection = await fixture.Node.GetRequiredService<Community.Silo.Storage.IDbConnectionFactory>().OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM member_mail WHERE address = 'leaving@example.jp'";
        Assert.Equal(0L, Convert.ToInt64(await command.ExecuteScalarAsync()));
    }

    [Fact]
    public async Task Without_a_mail_host_the_server_runs_keeps_settings_and_refuses_to_send()
    {
        var alice = await fixture.Network.JoinAsync();
        var secretariat = await fixture.Network.SecretariatAsync();

        var settings = await alice.SetMailAsync(new { address = "alice@example.jp" });
        Assert.False(settings.GetProperty("mailOn").GetBoolean());
        await (await secretariat.Http.PostAsync("/api/admin/mail/digests/run", null)).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        await (await secretariat.Http.PostAsync("/api/admin/broadcasts/1/email", null)).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task An_unsubscribe_token_not_signed_by_the_network_is_refused_and_changes_nothing()
    {
        var alice = await fixture.Network.JoinAsync();
        await alice.SetMailAsync(new { address = "alice@example.jp" });
        var signed = await fixture.Node.GetRequiredService<UnsubscribeLinks>().TokenAsync(alice.Id, "digest");
        var otherKind = signed.Replace(".digest.", ".broadcast.");
        var otherMember = signed.Replace(alice.Id, "m_someoneelse");

        foreach (var token in new[] { otherKind, otherMember, $"{alice.Id}.digest.AAAA", "", "nonsense" })
        {
            await (await fixture.Node.Anonymous.GetAsync($"{UnsubscribeLinks.Path}?token={Uri.EscapeDataString(token)}")).AssertInvalidAsync("token");
            await (await fixture.Node.Anonymous.PostAsync($"{UnsubscribeLinks.Path}?token={Uri.EscapeDataString(token)}", null)).AssertInvalidAsync("token");
        }
        var settings = await alice.GetAsync("/api/me/mail");
        Assert.True(settings.GetProperty("digests").GetBoolean());
        Assert.True(settings.GetProperty("broadcastMail").GetBoolean());

        Assert.Equal(HttpStatusCode.NoContent, (await fixture.Node.Anonymous.PostAsync($"{UnsubscribeLinks.Path}?token={Uri.EscapeDataString(signed)}", null)).StatusCode);
        Assert.False((await alice.GetAsync("/api/me/mail")).GetProperty("digests").GetBoolean());
    }
}

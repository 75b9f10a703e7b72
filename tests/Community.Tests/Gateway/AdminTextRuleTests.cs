using System.Net;
using System.Net.Http.Headers;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>Invitation notes, report reasons, invitation codes and stamp packs refuse what their rules refuse, naming the field, and store nothing.</summary>
[Collection(MembersNode.Name)]
public sealed class AdminTextRuleTests(MembersNodeFixture fixture)
{
    [Theory]
    [MemberData(nameof(BadText.OneLine), MemberType = typeof(BadText))]
    public async Task Invitation_note_that_breaks_the_line_rule_is_invalid(string why)
    {
        var before = (await fixture.Secretariat.GetAsync("/api/admin/invitations")).Items().Length;

        var response = await fixture.Secretariat.Http.PostJsonAsync("/api/admin/invitations", new { count = 1, note = BadText.Of(why, 500) });

        await response.AssertInvalidAsync("note");
        Assert.Equal(before, (await fixture.Secretariat.GetAsync("/api/admin/invitations")).Items().Length);
    }

    [Theory]
    [MemberData(nameof(BadText.OneLine), MemberType = typeof(BadText))]
    public async Task Report_reason_that_breaks_the_line_rule_is_invalid(string why)
    {
        var roomId = await Steps.RoomWithAsync(fixture.Alice);
        await using (var hub = await fixture.Node.ConnectAsync(fixture.Alice)) await hub.SendTextAsync(roomId, "report me");
        var before = (await fixture.Secretariat.GetAsync("/api/admin/reports")).Items().Length;

        var response = await fixture.Alice.Http.PostJsonAsync("/api/reports", new { roomId, seq = 1, reason = BadText.Of(why, 1000) });

        await response.AssertInvalidAsync("reason");
        Assert.Equal(before, (await fixture.Secretariat.GetAsync("/api/admin/reports")).Items().Length);
    }

    [Theory]
    [InlineData("ZZZZ\0ZZZZ")]
    [InlineData("ZZZZ-ZZZZ-ZZZZ\n")]
    [InlineData("ZZZZ ZZZZ ZZZZ")]
    public async Task InviteCode_that_is_no_code_shape_is_invalid(string inviteCode)
    {
        var response = await fixture.Network.PostRegisterAsync(inviteCode, "code.shape");

        await response.AssertInvalidAsync("inviteCode");
    }

    [Theory]
    [MemberData(nameof(BadText.OneLine), MemberType = typeof(BadText))]
    public async Task Stamp_pack_name_that_breaks_the_name_rule_is_invalid(string why)
    {
        var name = BadText.Of(why, 80);

        var response = await UploadAsync(name, "label.png");

        await response.AssertInvalidAsync("name");
        await AssertNoPackNamedAsync(name);
    }

    [Theory]
    [InlineData("Ta\u202Ero.png")]
    [InlineData("Ta\u200Fro.png")]
    public async Task Stamp_label_from_a_file_name_that_breaks_the_name_rule_is_invalid(string fileName)
    {
        var name = $"Pack {Steps.Tag()}";

        var response = await UploadAsync(name, fileName);

        await response.AssertInvalidAsync("files[0]");
        await AssertNoPackNamedAsync(name);
    }

    private async Task<HttpResponseMessage> UploadAsync(string name, string fileName)
    {
        using var form = new MultipartFormDataContent { { new StringContent(name), "name" } };
        var file = new ByteArrayContent([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "files", fileName);
        return await fixture.Secretariat.Http.PostAsync("/api/admin/stamp-packs", form);
    }

    private async Task AssertNoPackNamedAsync(string name)
    {
        var packs = (await fixture.Secretariat.GetAsync("/api/stamps")).GetProperty("packs").EnumerateArray();
        Assert.DoesNotContain(packs, p => p.GetProperty("name").GetString() == name.Trim());
    }
}

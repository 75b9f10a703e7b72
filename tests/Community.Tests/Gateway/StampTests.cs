using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>Stamps: the default pack, their images, stamp messages and the secretariat's uploads.</summary>
[Collection(MembersNode.Name)]
public sealed class StampTests(MembersNodeFixture fixture)
{
    private const string Arigatou = "default.arigatou";

    private const string CleanSvg =
        """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><circle cx="8" cy="8" r="7" fill="#ff8a65"/></svg>""";

    private TestMember Alice => fixture.Alice;

    private TestMember Bob => fixture.Bob;

    [Fact]
    public async Task The_default_pack_lists_six_greetings_each_with_an_image_url()
    {
        var packs = (await Steps.GetAsync(Alice, "/api/stamps")).GetProperty("packs").EnumerateArray().ToArray();

        var pack = Assert.Single(packs, p => p.Str("id") == "default");
        Assert.False(string.IsNullOrEmpty(pack.Str("name")));
        var stamps = pack.GetProperty("stamps").EnumerateArray().ToArray();
        Assert.Equal(["ありがとう", "おつかれさま", "よろしく", "了解", "おめでとう", "久しぶり"], stamps.Select(s => s.Str("label")).ToArray());
        Assert.All(stamps, s => Assert.False(string.IsNullOrEmpty(s.Str("id"))));
        Assert.All(stamps, s => Assert.False(string.IsNullOrEmpty(s.Str("imageUrl"))));
        Assert.Contains(stamps, s => s.Str("id") == Arigatou);
    }

    [Fact]
    public async Task A_stamp_image_is_served_as_svg_with_an_etag_and_cache_control()
    {
        var response = await Alice.Http.GetAsync(await ImageUrlAsync(Arigatou));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.ETag);
        Assert.NotNull(response.Headers.CacheControl);
        Assert.True(response.Headers.CacheControl!.MaxAge > TimeSpan.Zero, $"Cache-Control: {response.Headers.CacheControl}");
        Assert.StartsWith("<svg", Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart());
    }

    [Fact]
    public async Task A_request_with_the_current_etag_gets_304_not_modified()
    {
        var url = await ImageUrlAsync(Arigatou);
        var first = await Alice.Http.GetAsync(url);
        var etag = first.Headers.ETag ?? throw new InvalidOperationException("the image came without an ETag");

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(etag);
        var again = await Alice.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_unknown_stamp_image_is_not_found()
    {
        var response = await Alice.Http.GetAsync("/api/stamps/default.nosuchstamp/image");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task A_stamp_message_carries_the_stamp_and_no_text_and_reaches_the_room()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob);
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);
        await using var bobHub = await fixture.Node.ConnectAsync(Bob);

        var sent = await aliceHub.InvokeAsync("SendMessage", room, new { clientMsgId = Steps.NewClientMsgId(), stampId = Arigatou });

        var received = await bobHub.WaitForEventAsync("message", m => m.Str("roomId") == room);
        foreach (var message in new[] { sent, received, await Steps.MessageAsync(Bob, room, sent.Long("seq")) })
        {
            Assert.Equal(Arigatou, message.Str("stampId"));
            Assert.Equal(JsonValueKind.Null, message.GetProperty("text").ValueKind);
            Assert.Equal(Alice.Id, message.Str("senderId"));
        }
    }

    [Fact]
    public async Task A_stamp_message_with_text_is_invalid()
    {
        var room = await Steps.RoomWithAsync(Alice);
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);

        await Steps.AssertHubErrorAsync("invalid", () => aliceHub.InvokeAsync("SendMessage", room,
            new { clientMsgId = Steps.NewClientMsgId(), stampId = Arigatou, text = "ありがとう！" }));

        Assert.Empty(await Steps.HistoryAsync(Alice, room));
    }

    [Fact]
    public async Task A_message_with_an_unknown_stamp_is_invalid()
    {
        var room = await Steps.RoomWithAsync(Alice);
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);

        await Steps.AssertHubErrorAsync("invalid", () => aliceHub.InvokeAsync("SendMessage", room,
            new { clientMsgId = Steps.NewClientMsgId(), stampId = "default.nosuchstamp" }));

        Assert.Empty(await Steps.HistoryAsync(Alice, room));
    }

    [Fact]
    public async Task The_secretariat_uploads_a_pack_of_png_webp_and_svg_images_that_are_then_served()
    {
        var name = $"Office life {Steps.Tag()}";
        var png = TinyPng();
        var webp = WebPHeader();
        var svg = Encoding.UTF8.GetBytes(CleanSvg);

        var response = await UploadAsync(fixture.Secretariat, name, ("smile.png", png), ("wave.webp", webp), ("sun.svg", svg));

        var pack = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(name, pack.Str("name"));
        var stamps = pack.GetProperty("stamps").EnumerateArray().ToArray();
        Assert.Equal(["smile", "wave", "sun"], stamps.Select(s => s.Str("label")).ToArray());
        var listed = (await Steps.GetAsync(Alice, "/api/stamps")).GetProperty("packs").EnumerateArray();
        Assert.Single(listed, p => p.Str("id") == pack.Str("id"));
        foreach (var (stamp, contentType, bytes) in stamps.Zip(new[] { "image/png", "image/webp", "image/svg+xml" }, new[] { png, webp, svg }))
        {
            var image = await Alice.Http.GetAsync(stamp.Str("imageUrl"));
            Assert.Equal(HttpStatusCode.OK, image.StatusCode);
            Assert.Equal(contentType, image.Content.Headers.ContentType?.MediaType);
            Assert.Equal(bytes, await image.Content.ReadAsByteArrayAsync());
        }
    }

    [Theory]
    [InlineData("script", """<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script><circle r="4"/></svg>""")]
    [InlineData("onload", """<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="4"/></svg>""")]
    [InlineData("href", """<svg xmlns="http://www.w3.org/2000/svg"><image href="https://tracker.example/pixel.png" width="8" height="8"/></svg>""")]
    [InlineData("xlink", """<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="https://tracker.example/pixel.png" width="8" height="8"/></svg>""")]
    [InlineData("style sheet", """<svg xmlns="http://www.w3.org/2000/svg"><style>@import url("https://tracker.example/sheet.css");</style><circle r="4"/></svg>""")]
    [InlineData("style attribute", """<svg xmlns="http://www.w3.org/2000/svg"><rect width="8" height="8" style="fill: url('https://tracker.example/paint.svg#p')"/></svg>""")]
    public async Task An_svg_that_could_run_script_or_load_from_elsewhere_is_refused_and_no_pack_is_created(string what, string svg)
    {
        var name = $"Unsafe {what} {Steps.Tag()}";

        var response = await UploadAsync(fixture.Secretariat, name, ("fine.svg", Encoding.UTF8.GetBytes(CleanSvg)), ("bad.svg", Encoding.UTF8.GetBytes(svg)));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid");
        await AssertNoPackNamedAsync(name);
    }

    [Fact]
    public async Task An_image_over_256_KB_is_too_large()
    {
        var name = $"Huge {Steps.Tag()}";
        var huge = new byte[256 * 1024 + 1];
        TinyPng().CopyTo(huge, 0);

        var response = await UploadAsync(fixture.Secretariat, name, ("huge.png", huge));

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "too_large");
        await AssertNoPackNamedAsync(name);
    }

    [Fact]
    public async Task A_text_file_is_not_a_stamp_image()
    {
        var name = $"Text {Steps.Tag()}";

        var response = await UploadAsync(fixture.Secretariat, name, ("notes.png", Encoding.UTF8.GetBytes("これは画像ではありません")));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid");
        await AssertNoPackNamedAsync(name);
    }

    [Fact]
    public async Task Only_the_secretariat_uploads_stamp_packs()
    {
        var name = $"Mine {Steps.Tag()}";

        var response = await UploadAsync(Alice, name, ("smile.png", TinyPng()));

        await response.AssertForbiddenAsync();
        await AssertNoPackNamedAsync(name);
    }

    private async Task<string> ImageUrlAsync(string stampId)
    {
        var packs = (await Steps.GetAsync(Alice, "/api/stamps")).GetProperty("packs").EnumerateArray();
        return packs.SelectMany(p => p.GetProperty("stamps").EnumerateArray()).Single(s => s.Str("id") == stampId).Str("imageUrl");
    }

    private async Task AssertNoPackNamedAsync(string name)
    {
        var packs = (await Steps.GetAsync(Alice, "/api/stamps")).GetProperty("packs").EnumerateArray();
        Assert.DoesNotContain(packs, p => p.Str("name") == name);
    }

    private static async Task<HttpResponseMessage> UploadAsync(TestMember by, string name, params (string FileName, byte[] Bytes)[] files)
    {
        using var form = new MultipartFormDataContent { { new StringContent(name), "name" } };
        foreach (var (fileName, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "files", fileName);
        }
        return await by.Http.PostAsync("/api/admin/stamp-packs", form);
    }

    /// <summary>A valid 1×1 PNG: signature, IHDR, one zlib-compressed scanline in IDAT, IEND, each chunk with its CRC.</summary>
    private static byte[] TinyPng()
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, 1);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), 1);
        header[8] = 8; // bit depth
        header[9] = 6; // RGBA
        WriteChunk(png, "IHDR", header);
        using var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write([0, 0xFF, 0x8A, 0x65, 0xFF]); // filter "none", one orange pixel
        }
        WriteChunk(png, "IDAT", pixels.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        var number = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typeAndData));
        png.Write(number);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }

    /// <summary>The start of a lossless WebP file: the RIFF header and a VP8L chunk header.</summary>
    private static byte[] WebPHeader()
    {
        var bytes = new byte[32];
        Encoding.ASCII.GetBytes("RIFF").CopyTo(bytes, 0);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), bytes.Length - 8);
        Encoding.ASCII.GetBytes("WEBPVP8L").CopyTo(bytes, 8);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(16), bytes.Length - 20);
        bytes[20] = 0x2F; // the VP8L signature byte
        return bytes;
    }

    // Removing a pack

    [Fact]
    public async Task A_removed_pack_leaves_the_picker_and_cannot_be_sent_but_its_images_still_show()
    {
        var name = $"Seasonal {Steps.Tag()}";
        var pack = await (await UploadAsync(fixture.Secretariat, name, ("sun.svg", Encoding.UTF8.GetBytes(CleanSvg)))).ReadJsonAsync(HttpStatusCode.Created);
        var stampId = pack.GetProperty("stamps")[0].Str("id");
        var imageUrl = await ImageUrlAsync(stampId);
        var room = await Steps.RoomWithAsync(Alice, Bob);
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);
        var sent = await aliceHub.InvokeAsync("SendMessage", room, new { clientMsgId = Steps.NewClientMsgId(), stampId });

        var response = await fixture.Secretariat.Http.DeleteAsync($"/api/admin/stamp-packs/{pack.Str("id")}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await AssertNoPackNamedAsync(name);
        await Steps.AssertHubErrorAsync("invalid", () => aliceHub.InvokeAsync("SendMessage", room, new { clientMsgId = Steps.NewClientMsgId(), stampId }));
        await Steps.AssertHubErrorAsync("invalid", () => aliceHub.InvokeAsync("AddReaction", room, sent.Long("seq"), $"stamp:{stampId}"));
        Assert.Equal(stampId, (await Steps.MessageAsync(Bob, room, sent.Long("seq"))).Str("stampId"));
        Assert.Equal(HttpStatusCode.OK, (await fixture.Node.Anonymous.GetAsync(imageUrl)).StatusCode);
        await (await fixture.Secretariat.Http.DeleteAsync($"/api/admin/stamp-packs/{pack.Str("id")}")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Only_the_secretariat_removes_stamp_packs()
    {
        var response = await Alice.Http.DeleteAsync("/api/admin/stamp-packs/default");

        await response.AssertForbiddenAsync();
        Assert.Contains((await Steps.GetAsync(Alice, "/api/stamps")).GetProperty("packs").EnumerateArray(), p => p.Str("id") == "default");
    }
}

using Community.Grains.Errors;
using ErrorCode = Community.Grains.Errors.ErrorCode;
using Community.Grains.Text;

namespace Community.Tests.Grains.Text;

public sealed class ClientIdsTests
{
    [Theory]
    [InlineData("r_abcdefghijkmnpqr")]
    [InlineData("d_0123456789abcdef01234567")]
    [InlineData("broadcast")]
    [InlineData("default.arigatou")]
    [InlineData("6f1c2d3e-aaaa-bbbb-cccc-0123456789ab")]
    public void Ids_of_every_kind_the_server_gives_out_and_uuids_pass(string id) => Assert.Equal(id, ClientIds.Check(id, "roomId"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("r_a\0")]
    [InlineData("r_a b")]
    [InlineData("r_\u00E9")]
    [InlineData("r_\n")]
    public void Ids_with_nul_spaces_controls_or_non_ascii_are_refused_naming_the_field(string? id)
    {
        var error = Assert.Throws<CommunityException>(() => ClientIds.Check(id, "roomId"));

        Assert.Equal(ErrorCode.Invalid, error.Code);
        Assert.StartsWith("roomId: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_are_at_most_64_characters()
    {
        Assert.Equal(new string('x', 64), ClientIds.Check(new string('x', 64), "id"));
        Assert.Throws<CommunityException>(() => ClientIds.Check(new string('x', 65), "id"));
        Assert.Throws<CommunityException>(() => ClientIds.Check(new string('x', 10_000), "id"));
    }
}

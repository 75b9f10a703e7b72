using Community.Grains.Messages;

namespace Community.Tests.Grains.Messages;

public sealed class ReactionKeysTests
{
    [Theory]
    [InlineData("👍")]
    [InlineData("🎉")]
    [InlineData("👍🏽")]
    [InlineData("1️⃣")]
    [InlineData("👨‍👩‍👧")]
    public void One_emoji_is_a_reaction_key(string key) => Assert.True(ReactionKeys.IsSingleEmoji(key));

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("👍👍")]
    [InlineData("\uD83D")]
    [InlineData("\uDC4D")]
    [InlineData("👍\0")]
    [InlineData("\0")]
    [InlineData("👍\u0301\u0301\u0301\u0301\u0301")]
    [InlineData("👍\u202E")]
    public void Anything_else_is_not_even_a_broken_surrogate(string key) => Assert.False(ReactionKeys.IsSingleEmoji(key));
}

using Community.Grains.Errors;
using ErrorCode = Community.Grains.Errors.ErrorCode;
using Community.Grains.Text;

namespace Community.Tests.Grains.Text;

public sealed class HandlesTests
{
    [Theory]
    [InlineData("lknl\n")]
    [InlineData("lknl\r\n")]
    [InlineData("lk nl")]
    [InlineData(" lknl")]
    [InlineData("lknl\t")]
    [InlineData("lknl\u3000")]
    [InlineData("lknl\u00A0")]
    [InlineData("lknl\0")]
    [InlineData("lk\u200Bnl")]
    [InlineData("lknl\u202E")]
    public void A_handle_with_any_space_line_break_or_invisible_character_is_refused(string handle) =>
        Assert.Equal(ErrorCode.Invalid, Assert.Throws<CommunityException>(() => Handles.Check(handle)).Code);

    [Theory]
    [InlineData("ｈａｎａｋｏ", "hanako")]
    [InlineData("Hanako", "hanako")]
    [InlineData("ＨＡＮＡＫＯ＿１", "hanako_1")]
    [InlineData("taro.yamada", "taro.yamada")]
    public void A_handle_is_taken_through_nfkc_and_lower_case(string typed, string kept) =>
        Assert.Equal(kept, Handles.Check(typed));

    [Theory]
    [InlineData("аlice", "U+0430")] // Cyrillic а
    [InlineData("alіce", "U+0456")] // Cyrillic і
    [InlineData("αlice", "U+03B1")] // Greek α
    public void A_look_alike_letter_of_another_script_is_refused_and_named(string handle, string named)
    {
        var error = Assert.Throws<CommunityException>(() => Handles.Check(handle));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Contains("looks like", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lknl", "1knl")]
    [InlineData("lknl", "lkn1")]
    [InlineData("hanako", "hanak0")]
    [InlineData("modern", "modem")]
    [InlineData("wow", "vvow")]
    [InlineData("taro.yamada", "taro_yamada")]
    [InlineData("taro.yamada", "taro-yamada")]
    [InlineData("dan", "clan")]
    public void Handles_that_look_alike_share_a_key(string one, string other) =>
        Assert.Equal(Handles.KeyOf(one), Handles.KeyOf(other));

    [Theory]
    [InlineData("alice", "alicia")]
    [InlineData("taro", "tar0x")]
    [InlineData("member1", "member2")]
    public void Handles_that_differ_to_the_eye_have_different_keys(string one, string other) =>
        Assert.NotEqual(Handles.KeyOf(one), Handles.KeyOf(other));

    [Fact]
    public void The_skeleton_folds_cyrillic_and_greek_look_alikes_onto_latin() =>
        Assert.Equal(Confusables.Skeleton("alice"), Confusables.Skeleton("аlіcе"));

    [Theory]
    [InlineData("")]
    [InlineData("ab")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456")]
    [InlineData("hana@ko")]
    [InlineData("山田太郎")]
    [InlineData("👍👍👍")]
    [InlineData("a👍b")]
    public void A_handle_outside_3_to_32_of_the_alphabet_is_refused(string handle) =>
        Assert.Equal(ErrorCode.Invalid, Assert.Throws<CommunityException>(() => Handles.Check(handle)).Code);
}

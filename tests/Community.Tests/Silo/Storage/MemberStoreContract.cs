using Community.Grains.Members;
using Community.Grains.Storage;

namespace Community.Tests.Silo.Storage;

/// <summary>The behaviour every <see cref="IMemberStore"/> must show.</summary>
public abstract class MemberStoreContract : StorageContract
{
    private static readonly MemberProfile Yamada = new(
        "m_yamada", "yamada", "山田 太郎", MemberRoles.Supporter, "元エンジニアリング部長", "2019年に退職。今はスタートアップのCTO。",
        "株式会社ミライ", ["開発本部", "人事部"], ["Go", "採用", "ランチ会"], "転職活動中", T0);

    [Fact]
    public async Task Created_member_round_trips_every_profile_field_by_id_and_by_handle()
    {
        Assert.True(await Stores.Members.CreateAsync(Yamada, "pbkdf2$hash").WaitAsync(Timeout));

        var byId = await Stores.Members.GetAsync("m_yamada").WaitAsync(Timeout);
        var byHandle = await Stores.Members.GetByHandleAsync("yamada").WaitAsync(Timeout);

        Assert.NotNull(byId);
        Assert.NotNull(byHandle);
        AssertSameProfile(Yamada, byId.Profile);
        AssertSameProfile(Yamada, byHandle.Profile);
        Assert.False(byId.Suspended);
    }

    [Fact]
    public async Task Unknown_id_and_handle_read_as_null()
    {
        Assert.Null(await Stores.Members.GetAsync("m_nobody").WaitAsync(Timeout));
        Assert.Null(await Stores.Members.GetByHandleAsync("nobody").WaitAsync(Timeout));
        Assert.Null(await Stores.Members.GetCredentialsAsync("nobody").WaitAsync(Timeout));
    }

    [Fact]
    public async Task Second_create_with_a_taken_handle_returns_false_and_keeps_the_first_member()
    {
        Assert.True(await Stores.Members.CreateAsync(Yamada, "first").WaitAsync(Timeout));

        var impostor = MemberProfile.New("m_other", "yamada", "Someone Else", MemberRoles.Alumnus, T0);
        Assert.False(await Stores.Members.CreateAsync(impostor, "second").WaitAsync(Timeout));

        Assert.Null(await Stores.Members.GetAsync("m_other").WaitAsync(Timeout));
        var kept = await Stores.Members.GetByHandleAsync("yamada").WaitAsync(Timeout);
        Assert.Equal("m_yamada", kept?.Profile.Id);
        Assert.Equal("first", (await Stores.Members.GetCredentialsAsync("yamada").WaitAsync(Timeout))?.PasswordHash);
    }

    [Theory]
    [InlineData("yamada_taro", "yamada.taro")]
    [InlineData("yarnada", "yamada")]
    [InlineData("yamada0", "yamadao")]
    public async Task Create_with_a_handle_that_looks_like_a_taken_one_returns_false(string taken, string lookAlike)
    {
        Assert.True(await Stores.Members.CreateAsync(MemberProfile.New("m_first", taken, "First", MemberRoles.Alumnus, T0), "first").WaitAsync(Timeout));

        var impostor = MemberProfile.New("m_other", lookAlike, "First", MemberRoles.Alumnus, T0);
        Assert.False(await Stores.Members.CreateAsync(impostor, "second").WaitAsync(Timeout));

        Assert.Null(await Stores.Members.GetAsync("m_other").WaitAsync(Timeout));
    }

    [Fact]
    public async Task Profile_update_writes_every_editable_field()
    {
        await Stores.Members.CreateAsync(Yamada, "hash").WaitAsync(Timeout);
        var edited = Yamada with
        {
            DisplayName = "山田 太郎 (Taro)", Headline = "CTO", Bio = "新しい自己紹介", CurrentCompany = "Mirai Inc.",
            FormerDepartments = ["開発本部"], Tags = ["Rust", "メンター"], Status = "",
        };

        await Stores.Members.UpdateProfileAsync(edited).WaitAsync(Timeout);

        AssertSameProfile(edited, (await Stores.Members.GetAsync("m_yamada").WaitAsync(Timeout))!.Profile);
    }

    [Theory]
    [InlineData("HANAKO", "sato")]          // display name, any case
    [InlineData("ato_h", "sato_h")]         // handle
    [InlineData("data scientist", "sato")]  // headline
    [InlineData("globex", "suzuki")]        // current company
    [InlineData("treasury", "suzuki")]      // former department
    [InlineData("KUBERNETES", "sato_h")]    // tag
    public async Task Search_finds_a_case_insensitive_substring_of_each_searched_field(string query, string expectedHandle)
    {
        await Stores.Members.CreateAsync(MemberProfile.New("m_1", "sato", "Hanako Sato", MemberRoles.Alumnus, T0)
            with { Headline = "Senior Data Scientist" }, "h").WaitAsync(Timeout);
        await Stores.Members.CreateAsync(MemberProfile.New("m_2", "sato_h", "Hiroshi", MemberRoles.Alumnus, T0)
            with { Tags = ["kubernetes", "sre"] }, "h").WaitAsync(Timeout);
        await Stores.Members.CreateAsync(MemberProfile.New("m_3", "suzuki", "Ichiro Suzuki", MemberRoles.Alumnus, T0)
            with { CurrentCompany = "Globex Corporation", FormerDepartments = ["Finance", "Treasury"] }, "h").WaitAsync(Timeout);

        var found = await Stores.Members.SearchAsync(query, 10, null).WaitAsync(Timeout);

        Assert.Equal([expectedHandle], found.Select(p => p.Handle));
    }

    [Fact]
    public async Task Search_finds_japanese_text_by_a_substring()
    {
        await Stores.Members.CreateAsync(Yamada, "h").WaitAsync(Timeout);
        await Stores.Members.CreateAsync(MemberProfile.New("m_2", "yamamoto", "山本 花子", MemberRoles.Alumnus, T0), "h").WaitAsync(Timeout);

        Assert.Equal(["yamada"], (await Stores.Members.SearchAsync("山田", 10, null).WaitAsync(Timeout)).Select(p => p.Handle));
        Assert.Equal(["yamada"], (await Stores.Members.SearchAsync("人事", 10, null).WaitAsync(Timeout)).Select(p => p.Handle));
        Assert.Equal(["yamada", "yamamoto"], (await Stores.Members.SearchAsync("山", 10, null).WaitAsync(Timeout)).Select(p => p.Handle));
    }

    [Fact]
    public async Task Search_finds_full_width_letters_by_a_half_width_query_and_the_reverse()
    {
        await Stores.Members.CreateAsync(MemberProfile.New("m_1", "tanaka", "田中", MemberRoles.Alumnus, T0)
            with { CurrentCompany = "ＡＢＣ商事" }, "h").WaitAsync(Timeout);
        await Stores.Members.CreateAsync(MemberProfile.New("m_2", "kato", "加藤", MemberRoles.Alumnus, T0)
            with { Tags = ["xyz"] }, "h").WaitAsync(Timeout);

        Assert.Equal(["tanaka"], (await Stores.Members.SearchAsync("abc", 10, null).WaitAsync(Timeout)).Select(p => p.Handle));
        Assert.Equal(["tanaka"], (await Stores.Members.SearchAsync("ＡＢＣ商事", 10, null).WaitAsync(Timeout)).Select(p => p.Handle));
        Assert.Equal(["kato"], (await Stores.Members.SearchAsync("ＸＹＺ", 10, null).WaitAsync(Timeout)).Select(p => p.Handle));
    }

    [Fact]
    public async Task Search_pages_in_handle_order_after_the_given_handle()
    {
        foreach (var handle in new[] { "eve", "alice", "dave", "carol", "bob" })
            await AddMemberAsync("m_" + handle, handle, "Engineer " + handle);
        await AddMemberAsync("m_zed", "zed", "Designer");

        var first = await Stores.Members.SearchAsync("engineer", 2, null).WaitAsync(Timeout);
        var second = await Stores.Members.SearchAsync("engineer", 2, first[^1].Handle).WaitAsync(Timeout);
        var third = await Stores.Members.SearchAsync("engineer", 2, second[^1].Handle).WaitAsync(Timeout);
        var everyone = await Stores.Members.SearchAsync(null, 10, null).WaitAsync(Timeout);

        Assert.Equal(["alice", "bob"], first.Select(p => p.Handle));
        Assert.Equal(["carol", "dave"], second.Select(p => p.Handle));
        Assert.Equal(["eve"], third.Select(p => p.Handle));
        Assert.Equal(["alice", "bob", "carol", "dave", "eve", "zed"], everyone.Select(p => p.Handle));
    }

    [Fact]
    public async Task GetMany_returns_the_members_it_knows_of_the_given_ids()
    {
        await Stores.Members.CreateAsync(Yamada, "h").WaitAsync(Timeout);
        await AddMemberAsync("m_a", "alice");
        await AddMemberAsync("m_b", "bob");

        var many = await Stores.Members.GetManyAsync(["m_yamada", "m_b", "m_unknown"]).WaitAsync(Timeout);

        Assert.Equal(["m_b", "m_yamada"], many.Select(p => p.Id).Order());
        AssertSameProfile(Yamada, many.Single(p => p.Id == "m_yamada"));
        Assert.Empty(await Stores.Members.GetManyAsync([]).WaitAsync(Timeout));
    }

    [Fact]
    public async Task Credentials_carry_the_member_id_password_hash_and_suspension()
    {
        await Stores.Members.CreateAsync(Yamada, "pbkdf2-sha256$600000$salt$hash").WaitAsync(Timeout);

        var credentials = await Stores.Members.GetCredentialsAsync("yamada").WaitAsync(Timeout);

        Assert.Equal(new MemberCredentials("m_yamada", "pbkdf2-sha256$600000$salt$hash", false), credentials);
    }

    private static void AssertSameProfile(MemberProfile expected, MemberProfile actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Handle, actual.Handle);
        Assert.Equal(expected.DisplayName, actual.DisplayName);
        Assert.Equal(expected.Role, actual.Role);
        Assert.Equal(expected.Headline, actual.Headline);
        Assert.Equal(expected.Bio, actual.Bio);
        Assert.Equal(expected.CurrentCompany, actual.CurrentCompany);
        Assert.Equal(expected.FormerDepartments, actual.FormerDepartments);
        Assert.Equal(expected.Tags, actual.Tags);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.JoinedAt, actual.JoinedAt);
    }
}

namespace Community.Bench;

/// <summary>
/// Message texts as an alumni network writes them, from a seeded random source: one to three
/// sentences of Japanese, English or both, now and then a name, a number or a rare word. Some words
/// are common (ランチ, 渋谷: about one message in ten), some less (忘年会, lunch, reunion), one rare
/// (名簿: one in ten thousand), so the search figures cover frequent and rare hits alike.
/// </summary>
internal sealed class MessageTexts(int seed)
{
    private static readonly string[] Sentences =
    [
        "久しぶり！元気にしてる？", "来月のランチ会、渋谷でどうかな。", "今年の忘年会は12月20日です。", "お疲れさまです。",
        "転職しました。新しい会社は新宿です。", "同窓会の写真を共有します。", "来週の打ち合わせは何時からですか？", "ありがとうございます！",
        "了解です。", "週末は子どもとキャンプに行きました。", "新しいプロジェクトでエンジニアを募集しています。", "渋谷駅の近くにいいカフェがあります。",
        "ランチの後に少し話せますか。", "懐かしいですね。", "資料を送りました。ご確認ください。", "大阪出張のお土産があります。",
        "Long time no see!", "Anyone up for lunch next week?", "The reunion is on Dec 20 in Shibuya.", "Thanks, that helps a lot.",
        "I moved to a new company last month.", "We are hiring engineers, DM me.", "Great photos from the meetup.", "See you at the 忘年会!",
        "Let's grab coffee near 渋谷 station.", "Happy new year everyone.", "Congrats on the promotion!", "Can you share the slides?",
        "ｸﾞﾙｰﾌﾟの皆さん、よろしくお願いします。", "ＯＫです、また連絡します。",
    ];

    private static readonly string[] Names = ["田中さん", "佐藤さん", "@suzuki", "高橋さん", "@watanabe", "Tanaka-san"];

    private readonly Random _random = new(seed);

    public string Next()
    {
        var parts = new List<string>();
        var count = _random.Next(1, 4);
        if (_random.Next(5) == 0) parts.Add(Names[_random.Next(Names.Length)]);
        for (var i = 0; i < count; i++) parts.Add(Sentences[_random.Next(Sentences.Length)]);
        if (_random.Next(8) == 0) parts.Add($"{_random.Next(1, 13)}月{_random.Next(1, 29)}日");
        if (_random.Next(10_000) == 0) parts.Add("同窓会の名簿を更新しました。");
        return string.Join(' ', parts);
    }
}

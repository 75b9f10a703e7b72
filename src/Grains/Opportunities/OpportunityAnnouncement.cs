using System.Globalization;

namespace Community.Grains.Opportunities;

/// <summary>The broadcast channel's post for a new opportunity: in Japanese and English, with a link into the web client.</summary>
public static class OpportunityAnnouncement
{
    public static string ClientMsgId(Opportunity o) => $"opportunity:{o.Id}";

    public static string Text(Opportunity o)
    {
        var lines = new List<string> { "📣 新しい募集 / New opportunity", $"【{KindLabel(o.Kind)}】{o.Title}" };
        var where = string.Join(" · ", new[] { o.Location, o.Remote ? "リモート可 / Remote OK" : "" }.Where(s => s.Length > 0));
        if (where.Length > 0) lines.Add(where);
        if (o.ClosesAt is { } closes) lines.Add($"締切 / Closes: {closes.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        lines.Add($"/opportunities/{o.Id}");
        return string.Join('\n', lines);
    }

    private static string KindLabel(string kind) => kind switch
    {
        OpportunityKinds.Job => "求人 / Job",
        OpportunityKinds.Project => "プロジェクト / Project",
        _ => "副業・業務委託 / Side work",
    };
}

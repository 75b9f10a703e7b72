using System.Text;
using Community.Grains.Mail;
using Community.Grains.Rooms;

namespace Community.Silo.Mail;

/// <summary>A broadcast of the secretariat as an e-mail: its text in full, who posted it, and a link to the channel.</summary>
internal static class BroadcastText
{
    private const int SubjectLength = 60;

    public static (string Subject, string Body) Write(MailRecipient to, string text, string authorName, MailOptions options, string unsubscribeUrl)
    {
        var topic = MailText.FirstLines(text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? text);
        if (topic.Length > SubjectLength) topic = topic[..(char.IsHighSurrogate(topic[SubjectLength - 1]) ? SubjectLength - 1 : SubjectLength)] + "…";
        var subject = MailText.Subject(to.Language, $"[{options.NetworkName}] お知らせ: {topic}", $"[{options.NetworkName}] Announcement: {topic}");
        var body = MailText.Body(to.Language, japanese => Section(text, authorName, options, unsubscribeUrl, japanese));
        return (subject, body);
    }

    private static string Section(string text, string authorName, MailOptions options, string unsubscribeUrl, bool japanese)
    {
        var body = new StringBuilder();
        body.AppendLine(japanese ? $"{options.NetworkName} 事務局からのお知らせです({authorName})。" : $"An announcement from the {options.NetworkName} secretariat ({authorName}).");
        body.AppendLine().AppendLine(text.ReplaceLineEndings("\n")).AppendLine();
        body.Append(japanese ? "アプリで見る・返信する: " : "Read and reply in the app: ").Append(options.Link($"/rooms/{Uri.EscapeDataString(BroadcastChannel.Id)}")).AppendLine();
        body.Append(japanese ? $"お知らせのメール配信を停止する: {unsubscribeUrl}" : $"Stop announcement e-mails: {unsubscribeUrl}");
        return body.ToString();
    }
}

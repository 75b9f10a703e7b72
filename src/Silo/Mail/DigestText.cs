using System.Globalization;
using System.Text;
using Community.Grains.Mail;
using Community.Grains.Rooms;

namespace Community.Silo.Mail;

/// <summary>A digest: who wrote to the member or mentioned them, where, the first lines, and a link to each.</summary>
internal static class DigestText
{
    public static (string Subject, string Body) Write(MailRecipient to, IReadOnlyList<MissedMessage> missed, MailOptions options, string unsubscribeUrl)
    {
        var count = missed.Count.ToString(CultureInfo.InvariantCulture);
        var subject = MailText.Subject(to.Language,
            $"[{options.NetworkName}] 未読のメッセージが{count}件あります",
            $"[{options.NetworkName}] You have {count} unread message{(missed.Count == 1 ? "" : "s")}");
        var body = MailText.Body(to.Language, japanese => Section(to, missed, options, unsubscribeUrl, japanese));
        return (subject, body);
    }

    private static string Section(MailRecipient to, IReadOnlyList<MissedMessage> missed, MailOptions options, string unsubscribeUrl, bool japanese)
    {
        var text = new StringBuilder();
        text.AppendLine(japanese ? $"{to.DisplayName} さん" : $"Hello {to.DisplayName},").AppendLine();
        text.AppendLine(japanese
            ? $"{options.NetworkName} で、あなた宛てのダイレクトメッセージやメンションが届いています。"
            : $"People wrote to you or mentioned you on {options.NetworkName} while you were away.").AppendLine();
        foreach (var message in missed)
        {
            var where = message.RoomKind == RoomKinds.Dm
                ? japanese ? "ダイレクトメッセージ" : "direct message"
                : japanese ? $"「{message.RoomName}」でメンション" : $"mentioned you in \"{message.RoomName}\"";
            var sender = message.SenderName.Length > 0 ? message.SenderName : japanese ? "退会したメンバー" : "a former member";
            text.AppendLine($"■ {sender} — {where}");
            text.AppendLine("  " + (message.Text is { Length: > 0 } body ? MailText.FirstLines(body) : japanese ? "(スタンプ)" : "(a stamp)"));
            text.AppendLine("  " + options.Link($"/rooms/{Uri.EscapeDataString(message.RoomId)}")).AppendLine();
        }
        text.AppendLine(japanese ? $"アプリを開く: {options.Link("/")}" : $"Open the app: {options.Link("/")}");
        text.Append(japanese ? $"このお知らせメールを停止する: {unsubscribeUrl}" : $"Stop these e-mails: {unsubscribeUrl}");
        return text.ToString();
    }
}

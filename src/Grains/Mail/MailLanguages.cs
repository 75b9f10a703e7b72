namespace Community.Grains.Mail;

/// <summary>The languages e-mails are written in.</summary>
public static class MailLanguages
{
    public const string Japanese = "ja";
    public const string English = "en";

    public static readonly IReadOnlyList<string> All = [Japanese, English];
}

namespace Community.Grains.Mail;

/// <summary>A member's e-mail settings, keyed by member id: the only writer of them.</summary>
public interface IMailSettingsGrain : IGrainWithStringKey
{
    /// <summary>The settings; <c>not_found</c> for no such member (or a deleted one).</summary>
    Task<MailSettings> GetAsync();

    /// <summary>Changes the settings (<c>invalid</c> for a bad address or language).</summary>
    Task<MailSettings> UpdateAsync(MailSettingsUpdate update);

    /// <summary>Turns one kind of e-mail off (an unsubscribe link was followed); nothing for a member who no longer exists.</summary>
    Task UnsubscribeAsync(string kind);

    /// <summary>Forgets the settings and the address: the member's account is deleted.</summary>
    Task EraseAsync();
}

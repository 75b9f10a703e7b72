using Community.Grains.Errors;
using Community.Grains.Storage;

namespace Community.Grains.Mail;

public sealed class MailSettingsGrain(IMailSettingsStore settings, IMemberStore members) : Grain, IMailSettingsGrain
{
    private string Key => this.GetPrimaryKeyString();

    public async Task<MailSettings> GetAsync()
    {
        await RequireMemberAsync();
        return await settings.GetAsync(Key);
    }

    public async Task<MailSettings> UpdateAsync(MailSettingsUpdate update)
    {
        await RequireMemberAsync();
        var changed = MailRules.Apply(await settings.GetAsync(Key), update);
        await settings.SetAsync(Key, changed);
        return changed;
    }

    public async Task UnsubscribeAsync(string kind)
    {
        var member = await members.GetAsync(Key);
        if (member is null || member.Profile.Former) return;
        var current = await settings.GetAsync(Key);
        var changed = kind switch
        {
            MailKinds.Digest => current with { Digests = false },
            MailKinds.Broadcast => current with { BroadcastMail = false },
            _ => throw CommunityException.Invalid("kind", "is not a kind of e-mail"),
        };
        if (changed != current) await settings.SetAsync(Key, changed);
    }

    public Task EraseAsync() => settings.DeleteAsync(Key);

    private async Task RequireMemberAsync()
    {
        var member = await members.GetAsync(Key);
        if (member is null || member.Profile.Former) throw CommunityException.NotFound("no such member");
    }
}

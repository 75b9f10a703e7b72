using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Community.Silo.Mail;

internal static class MailServiceCollectionExtensions
{
    /// <summary>E-mail (<c>Community:Mail:*</c>): the outbox's sender and the digest check on this node; both idle when mail is off.</summary>
    public static IServiceCollection AddCommunityMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>()
            .Bind(configuration.GetSection(MailOptions.Section))
            .PostConfigure(o => o.NetworkName = configuration["Community:Network:Name"] is { Length: > 0 } name ? name : o.NetworkName)
            .Validate(o => o.Problem() is null, "Community:Mail settings are not usable: Host set needs From (an address) and BaseUrl (http or https); periods positive, RetryDelayMax ≥ RetryDelay, Lease > Timeout.")
            .ValidateOnStart();
        services.AddSingleton<MailWakeUp>();
        services.AddSingleton<UnsubscribeLinks>();
        services.AddSingleton<DigestRun>();
        services.AddSingleton<BroadcastMailer>();
        services.AddHostedService<MailSender>();
        services.AddHostedService<DigestScheduler>();
        return services;
    }
}

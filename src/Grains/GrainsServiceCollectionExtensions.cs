using Community.Grains.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace Community.Grains;

public static class GrainsServiceCollectionExtensions
{
    /// <summary>What Community's grains take from the host; storage and the event publisher come from the silo and the gateway.</summary>
    public static IServiceCollection AddCommunityGrains(this IServiceCollection services)
    {
        services.AddSingleton<ConversationServices>();
        return services;
    }
}

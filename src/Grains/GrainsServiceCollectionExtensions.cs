using Community.Grains.Conversations;
using Community.Grains.Dms;
using Community.Grains.Members;
using Community.Grains.Rooms;
using Community.Grains.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Community.Grains;

public static class GrainsServiceCollectionExtensions
{
    /// <summary>Adds the grain runtime with Community's grains. Storage and the event publisher come from the silo.</summary>
    public static IServiceCollection AddCommunityGrains(this IServiceCollection services)
    {
        services.AddGrainRuntime(grains => grains
            .Add<IMemberGrain, MemberGrain>()
            .Add<IRoomGrain, RoomGrain>()
            .Add<IDmThreadGrain, DmThreadGrain>());
        services.AddSingleton<ConversationServices>();
        return services;
    }
}

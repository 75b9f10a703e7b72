using System.Diagnostics;
using Community.Gateway.Auth;
using Community.Grains.Common;
using Community.Grains.Members;
using Community.Grains.Rooms;
using Community.Grains.Storage;
using Community.Tests.Support;

namespace Community.Bench;

/// <summary>
/// Many members at once, straight through the node's stores rather than by sign-up (whose password
/// hashing would take most of the run): each is created in the member store, enrolled in the
/// broadcast channel by its grain, as sign-up does, and given a real bearer token by the node's token service.
/// Their connections then go through the real hub with those tokens.
/// </summary>
internal static class MemberSeeding
{
    /// <summary>Members never sign in with a password; the stored hash is one no password matches.</summary>
    private const string NoPassword = "bench-seeded-member";

    private const int Parallel = 8;

    /// <summary>Creates <paramref name="count"/> members (handles <c>prefix00001</c>…) and returns their ids and tokens, in order, with how long it took.</summary>
    public static async Task<(string[] Ids, string[] Tokens, TimeSpan Took)> SeedAsync(CommunityNode node, int count, string prefix, string label)
    {
        var (members, tokens, grains, time) = (node.GetRequiredService<IMemberStore>(), node.GetRequiredService<TokenService>(),
            node.GetRequiredService<IGrainFactory>(), node.GetRequiredService<TimeProvider>());
        var broadcast = grains.GetGrain<IRoomGrain>(BroadcastChannel.Id);
        var (ids, bearer) = (new string[count], new string[count]);
        var done = 0;
        var start = Stopwatch.GetTimestamp();
        await using (Progress.Ticking(() => $"{label}: {Volatile.Read(ref done):#,0} of {count:#,0} members created"))
        {
            await System.Threading.Tasks.Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = Parallel }, async (i, _) =>
            {
                var handle = $"{prefix}{i + 1:00000}";
                var profile = MemberProfile.New(Ids.NewMemberId(), handle, $"Bench {handle}", MemberRoles.Alumnus, time.Now());
                if (!await members.CreateAsync(profile, NoPassword)) throw new InvalidOperationException($"handle {handle} is taken");
                await broadcast.EnrolAsync(profile.Id);
                (ids[i], bearer[i]) = (profile.Id, await tokens.IssueAsync(profile.Id, userAgent: "Community.Bench"));
                Interlocked.Increment(ref done);
            });
        }
        return (ids, bearer, Stopwatch.GetElapsedTime(start));
    }
}

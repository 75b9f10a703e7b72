using System.Net;
using Community.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Community.Tests.Gateway;

/// <summary>A meetup's reminder goes to its room's members once, a restart on the same data included.</summary>
public sealed class MeetupReminderTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Community:Meetups:ReminderLead"] = "00:10:00",
        // The reminder service logs each reminder it sends at Information.
        ["Serilog:MinimumLevel:Default"] = "Information",
    };

    [Fact]
    public async Task A_meetup_reminder_reaches_the_members_once_and_not_again_after_a_restart()
    {
        var dataPath = CommunityNode.NewDataPath();
        try
        {
            TestMember alice, bob;
            string room, first, second;
            var firstLog = new CapturingLoggerProvider();
            await using (var node = await StartAsync(dataPath, firstLog))
            {
                var network = new Network(node);
                (alice, bob) = (await network.JoinAsync("alice"), await network.JoinAsync("bob"));
                room = await Steps.RoomWithAsync(alice, bob);
                await using var aliceHub = await node.ConnectAsync(alice);
                await using var bobHub = await node.ConnectAsync(bob);

                var startsAt = DateTimeOffset.UtcNow.AddMinutes(5);
                first = await CreateMeetupAsync(alice, room, "五分後のランチ", startsAt);

                foreach (var hub in new[] { aliceHub, bobHub })
                {
                    var reminder = await hub.WaitForEventAsync("meetupReminder", r => r.Str("meetupId") == first);
                    Assert.Equal((room, first, "五分後のランチ"), (reminder.Str("roomId"), reminder.Str("meetupId"), reminder.Str("title")));
                    Assert.Equal(startsAt.ToUnixTimeMilliseconds(), reminder.GetProperty("startsAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
                }

                // Fence: a later meetup's reminder must come; the first one's must not have come twice by then.
                second = await CreateMeetupAsync(alice, room, "六分後のランチ", DateTimeOffset.UtcNow.AddMinutes(6));
                foreach (var hub in new[] { aliceHub, bobHub })
                {
                    await hub.WaitForEventAsync("meetupReminder", r => r.Str("meetupId") == second);
                    Assert.Single(Steps.EventsOf(hub, "meetupReminder", r => r.Str("meetupId") == first));
                }
                await firstLog.WaitForAsync(line => SentReminder(line, second), Timeout);
                Assert.Single(firstLog.Lines, line => SentReminder(line, first));
            }

            var restartLog = new CapturingLoggerProvider();
            await using (var node = await StartAsync(dataPath, restartLog))
            {
                var aliceAgain = alice with { Http = node.ClientFor(alice.Token) };
                await using var aliceHub = await node.ConnectAsync(aliceAgain);
                await using var bobHub = await node.ConnectAsync(bob);

                // Fence: the restarted node reminds of a new meetup; by then it would have resent the old ones.
                var third = await CreateMeetupAsync(aliceAgain, room, "七分後のランチ", DateTimeOffset.UtcNow.AddMinutes(7));
                foreach (var hub in new[] { aliceHub, bobHub })
                {
                    await hub.WaitForEventAsync("meetupReminder", r => r.Str("meetupId") == third);
                    Assert.Empty(Steps.EventsOf(hub, "meetupReminder", r => r.Str("meetupId") == first || r.Str("meetupId") == second));
                }
                // The connections opened after the node started; its log shows what it sent before they did.
                await restartLog.WaitForAsync(line => SentReminder(line, third), Timeout);
                Assert.DoesNotContain(restartLog.Lines, line => SentReminder(line, first) || SentReminder(line, second));
            }
        }
        finally
        {
            CommunityNode.DeleteData(dataPath);
        }
    }

    private static Task<CommunityNode> StartAsync(string dataPath, CapturingLoggerProvider log) =>
        CommunityNode.StartAsync(dataPath, Settings, builder => builder.Logging.AddProvider(log));

    private static async Task<string> CreateMeetupAsync(TestMember owner, string room, string title, DateTimeOffset startsAt)
    {
        var response = await owner.Http.PostJsonAsync($"/api/rooms/{room}/meetups", new { title, startsAt, durationMinutes = 60, location = "大手町" });
        return (await response.ReadJsonAsync(HttpStatusCode.Created)).Str("id");
    }

    private static bool SentReminder(string line, string meetupId) =>
        line.Contains("Sent the reminder of meetup", StringComparison.Ordinal) && line.Contains(meetupId, StringComparison.Ordinal);
}

using System.Net;
using System.Net.Http.Json;
using Community.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Community.Tests.Gateway;

/// <summary>A network event's reminder goes to those going once, a restart on the same data included.</summary>
public sealed class NetworkEventReminderTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Community:Events:ReminderLead"] = "00:10:00",
        ["Serilog:MinimumLevel:Default"] = "Information",
    };

    [Fact]
    public async Task An_event_reminder_reaches_those_going_once_and_not_again_after_a_restart()
    {
        var dataPath = CommunityNode.NewDataPath();
        try
        {
            TestMember going, declined;
            string first;
            var firstLog = new CapturingLoggerProvider();
            await using (var node = await StartAsync(dataPath, firstLog))
            {
                var network = new Network(node);
                var secretariat = await network.SecretariatAsync();
                (going, declined) = (await network.JoinAsync("going"), await network.JoinAsync("declined"));
                await using var goingHub = await node.ConnectAsync(going);
                await using var declinedHub = await node.ConnectAsync(declined);
                // Due in a few seconds: the reminder goes ten minutes before the start.
                first = await CreateAsync(secretariat, "同窓会", DateTimeOffset.UtcNow.AddMinutes(10).AddSeconds(8));
                await RsvpAsync(going, first, "going");
                await RsvpAsync(declined, first, "declined");

                var reminder = await goingHub.WaitForEventAsync("eventReminder", r => r.Str("eventId") == first);
                Assert.Equal("同窓会", reminder.Str("title"));
                await firstLog.WaitForAsync(line => SentReminder(line, first), Timeout);
                Assert.Single(firstLog.Lines, line => SentReminder(line, first));
                Assert.Empty(Steps.EventsOf(declinedHub, "eventReminder", r => r.Str("eventId") == first));
            }

            var restartLog = new CapturingLoggerProvider();
            await using (var node = await StartAsync(dataPath, restartLog))
            {
                var network = new Network(node);
                var secretariat = await network.SecretariatAsync();
                var goingAgain = going with { Http = node.ClientFor(going.Token) };
                await using var goingHub = await node.ConnectAsync(goingAgain);

                // Fence: the restarted node reminds of a new event; by then it would have resent the old one.
                var second = await CreateAsync(secretariat, "二次会", DateTimeOffset.UtcNow.AddMinutes(10).AddSeconds(8));
                await RsvpAsync(goingAgain, second, "going");
                await goingHub.WaitForEventAsync("eventReminder", r => r.Str("eventId") == second);
                await restartLog.WaitForAsync(line => SentReminder(line, second), Timeout);
                Assert.Empty(Steps.EventsOf(goingHub, "eventReminder", r => r.Str("eventId") == first));
                Assert.DoesNotContain(restartLog.Lines, line => SentReminder(line, first));
            }
        }
        finally
        {
            CommunityNode.DeleteData(dataPath);
        }
    }

    private static Task<CommunityNode> StartAsync(string dataPath, CapturingLoggerProvider log) =>
        CommunityNode.StartAsync(dataPath, Settings, builder => builder.Logging.AddProvider(log));

    private static async Task<string> CreateAsync(TestMember secretariat, string title, DateTimeOffset startsAt) =>
        (await (await secretariat.Http.PostAsJsonAsync("/api/events", new { title, startsAt })).ReadJsonAsync(HttpStatusCode.Created)).Str("id");

    private static async Task RsvpAsync(TestMember member, string id, string response) =>
        await (await member.Http.PutAsJsonAsync($"/api/events/{id}/rsvp", new { response })).ReadJsonAsync();

    private static bool SentReminder(string line, string eventId) =>
        line.Contains("Sent the reminder of network event", StringComparison.Ordinal) && line.Contains(eventId, StringComparison.Ordinal);
}

using Community.Grains.Events;
using Community.Grains.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Community.Silo.Meetups;

/// <summary>
/// Sends each meetup's reminder to its room once. Reminders are claimed in storage before they
/// are sent, so a restart or a second node never sends one again.
/// </summary>
internal sealed class MeetupReminderService(IMeetupStore meetups, IEventPublisher events, IOptions<MeetupOptions> options,
    TimeProvider time, ILogger<MeetupReminderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        do
        {
            try
            {
                foreach (var due in await meetups.ClaimDueRemindersAsync(time.GetUtcNow(), options.Value.ReminderLead))
                {
                    events.Publish(new RoomEvent(due.RoomId, EventNames.MeetupReminder,
                        new MeetupReminderPayload(due.RoomId, due.MeetupId, due.Title, due.StartsAt)));
                    MeetupLog.ReminderSent(logger, due.MeetupId, due.RoomId);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                MeetupLog.ReminderFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

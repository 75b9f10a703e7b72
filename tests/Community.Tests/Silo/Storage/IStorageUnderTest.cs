using Community.Grains.Storage;
using Community.Tests.Support;

namespace Community.Tests.Silo.Storage;

/// <summary>One store of each kind over one database, as a node holds them.</summary>
public interface IStorageUnderTest : IAsyncDisposable
{
    /// <summary>What the stores measure on their meters (<c>Community.Storage</c>).</summary>
    RecordedMeters Meters { get; }

    IMemberStore Members { get; }

    IInvitationStore Invitations { get; }

    ITokenStore Tokens { get; }

    IAuditStore Audit { get; }

    IRoomStore Rooms { get; }

    IMessageStore Messages { get; }

    IPinStore Pins { get; }

    IMailOutboxStore MailOutbox { get; }

    IMeetupStore Meetups { get; }

    ICalendarFeedStore CalendarFeeds { get; }

    /// <summary>New store instances over the same database, as a second node would open them.</summary>
    Task<IStorageUnderTest> OpenSecondNodeAsync();
}

using Community.Grains.Events;
using Community.Grains.Stats;
using Community.Grains.Storage;

namespace Community.Grains.Conversations;

/// <summary>What conversation grains work with, gathered so each grain class takes one dependency.</summary>
public sealed record ConversationServices(
    IRoomStore Rooms,
    IMessageStore Messages,
    IMemberStore MemberStore,
    IStampStore Stamps,
    IAuditStore Audit,
    IActivityTracker Activity,
    IEventPublisher Events,
    IGrainFactory Grains,
    TimeProvider Time,
    IPinStore Pins);

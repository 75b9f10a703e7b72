using System.Text.Json;
using System.Text.Json.Serialization;
using Community.Grains.Events;

namespace Community.Silo.Events;

/// <summary>
/// What one NOTIFY carries: the publishing node and its events in order, or, for an event too
/// large for a notification, the id of the row that holds it.
/// </summary>
internal sealed record EventEnvelope(
    [property: JsonPropertyName("n")] string Node,
    [property: JsonPropertyName("e")] IReadOnlyList<ChatEvent>? Events,
    [property: JsonPropertyName("r")] long? PayloadRef)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string SerializeEvent(ChatEvent chatEvent) => JsonSerializer.Serialize(chatEvent, Json);

    /// <summary>An envelope around events already serialized, in order.</summary>
    public static string Pack(string node, IEnumerable<string> eventsJson) =>
        $"{{\"n\":{JsonSerializer.Serialize(node, Json)},\"e\":[{string.Join(',', eventsJson)}]}}";

    public static string Reference(string node, long payloadId) => JsonSerializer.Serialize(new EventEnvelope(node, null, payloadId), Json);

    /// <summary>The bytes an envelope takes beyond its events.</summary>
    public static int Overhead(string node) => System.Text.Encoding.UTF8.GetByteCount(Pack(node, []));

    public static EventEnvelope Parse(string json) =>
        JsonSerializer.Deserialize<EventEnvelope>(json, Json) ?? throw new JsonException("An empty event envelope.");
}

using CsCheck;

namespace Community.Tests.Gateway.WildInput;

/// <summary>One hub call of the property test: the target and arguments as raw JSON, or a frame that is no call at all.</summary>
public sealed record HubCall(string Target, string Arguments, string? Garbage = null, bool Oversized = false)
{
    public override string ToString() =>
        Garbage is not null ? $"frame {RawJson.String(Garbage)}"
        : $"{Target}({(Arguments.Length > 600 ? Arguments[..600] + $"… ({Arguments.Length} characters)" : Arguments)}){(Oversized ? " padded past the size limit" : "")}";
}

/// <summary>Wild calls of each hub method: the right arguments, wild ones, too few, too many, of the wrong shape.</summary>
public static class HubCalls
{
    public static readonly IReadOnlyList<string> Methods = ["SendMessage", "EditMessage", "DeleteMessage", "AddReaction", "RemoveReaction", "MarkRead", "Typing", "SubscribePresence"];

    /// <summary>The methods, and two targets that are no method: unknown names, and frames that are not calls.</summary>
    public static readonly IReadOnlyList<string> Targets = [.. Methods, "unknown methods", "frames"];

    public static Gen<HubCall> For(string target, string roomId) => target switch
    {
        "unknown methods" => Gen.Select(WildValues.Text.Where(t => !Methods.Contains(t, StringComparer.OrdinalIgnoreCase)), Arguments(roomId, 1),
            (name, args) => new HubCall(RawJson.String(name), args)),
        "frames" => Gen.Frequency(
            (3, Gen.OneOf("not json", "{", "{\"type\":1}", "{\"type\":1,\"target\":5,\"arguments\":[]}", "{\"type\":99}", "[]", "{\"type\":1,\"invocationId\":\"x\",\"target\":\"Typing\",\"arguments\":{}}")
                .Select(g => new HubCall("", "", Garbage: g))),
            (1, Gen.Const(new HubCall(RawJson.String("SendMessage"), $"[\"{roomId}\",{{\"clientMsgId\":\"big\",\"text\":\"hello\"}}]", Oversized: true)))),
        _ => Gen.Select(Gen.Frequency((4, Gen.Const(Arity(target))), (1, Gen.Int[0, 5])), Gen.Int[0, 9], (count, _) => count)
            .SelectMany(count => Arguments(roomId, count, target))
            .Select(args => new HubCall(RawJson.String(target), args)),
    };

    private static int Arity(string method) => method switch
    {
        "Typing" or "SubscribePresence" => 1,
        "SendMessage" or "DeleteMessage" or "MarkRead" => 2,
        _ => 3,
    };

    /// <summary><paramref name="count"/> arguments: in each place the kind of value the method takes there, plausible or wild, or anything at all.</summary>
    private static Gen<string> Arguments(string roomId, int count, string method = "") =>
        Enumerable.Range(0, count).Aggregate(Gen.Const(new List<string>()), (list, place) =>
            list.SelectMany(l => Argument(roomId, method, place).Select(a => (List<string>)[.. l, a])))
        .Select(RawJson.Array);

    private static Gen<string> Argument(string roomId, string method, int place) => (method, place) switch
    {
        ("SubscribePresence", 0) => Gen.Frequency((3, NonNull(WildValues.Field("\"m_someone\"")).Array[0, 6].Select(RawJson.Array)), (1, WildValues.Json)),
        (_, 0) => NonNull(WildValues.Field($"\"{roomId}\"")),
        ("SendMessage", 1) => Gen.Frequency((5, Message), (1, WildValues.Json)),
        ("AddReaction" or "RemoveReaction", 2) => NonNull(WildValues.Field("\"👍\"", "\"🎉\"", "\"stamp:default.arigatou\"")),
        ("EditMessage", 2) => NonNull(WildValues.Field("\"edited\"")),
        (_, 1) => Gen.Frequency((3, WildValues.Number), (1, WildValues.Json)),
        _ => WildValues.Json,
    };

    private static readonly Gen<string> Message =
        Gen.Select(WildValues.Field("\"c1\"", "\"c2\"", "\"6f1c2d3e-aaaa\""), WildValues.Field("\"hello\"", "\"お元気ですか\""),
            Gen.Frequency((4, Gen.Const((string?)null)), (1, WildValues.Field("\"default.arigatou\""))),
            Gen.Frequency((4, Gen.Const((string?)null)), (1, WildValues.Field("1"))),
            (clientMsgId, text, stampId, replyToSeq) => RawJson.Object(new (string, string?)[]
                { ("clientMsgId", clientMsgId), ("text", text), ("stampId", stampId), ("replyToSeq", replyToSeq) }
                .Where(m => m.Item2 is not null).Select(m => (m.Item1, m.Item2!))));

    private static Gen<string> NonNull(Gen<string?> field) => field.Select(v => v ?? "null");
}

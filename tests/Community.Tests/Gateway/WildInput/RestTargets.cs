using CsCheck;

namespace Community.Tests.Gateway.WildInput;

/// <summary>Who calls a route in the property test.</summary>
public enum Caller
{
    Anonymous,
    Member,
    Secretariat,
}

/// <summary>The real ids a target's requests may use beside wild ones, so that calls get past "not found" to the checks behind it.</summary>
public sealed record KnownIds(string RoomId, string OtherMemberId, string MeetupId, string StampId);

/// <summary>One REST route of the property test, and how to make wild requests to it.</summary>
public sealed record RestTarget(string Method, string Route, Caller Caller, Func<KnownIds, Gen<WildRequest>> Requests)
{
    public override string ToString() => $"{Method} {Route}";
}

/// <summary>Every REST route of the API, each with the fields it reads.</summary>
public static class RestTargets
{
    private static readonly Gen<string?> NoBody = Gen.Const((string?)null);

    public static readonly IReadOnlyList<RestTarget> All =
    [
        Target("POST", "/api/auth/register", Caller.Anonymous, k => Body(
            ("inviteCode", WildValues.Field("\"ZZZZ-ZZZZ-ZZZZ\"")), ("handle", WildValues.Field("\"wild.handle\"")),
            ("displayName", WildValues.Field("\"Wild\"")), ("password", WildValues.Field("\"a-long-password\"")))),
        Target("POST", "/api/auth/login", Caller.Anonymous, k => Body(
            ("handle", WildValues.Field("\"nobody.here\"")), ("password", WildValues.Field("\"a-long-password\"")))),
        // What a caller controls here is the token itself.
        new("POST", "/api/auth/logout", Caller.Anonymous, k => WildValues.Text
            .Select(t => new string(t.Where(c => c is >= ' ' and <= '~').ToArray()))
            .Select(token => new WildRequest("POST", "/api/auth/logout", null, Token: token))),
        Target("GET", "/api/me", Caller.Member, k => NoBody, query: [("x", Url())]),
        Target("GET", "/api/me/sessions", Caller.Member, k => NoBody, query: [("x", Url())]),
        Target("DELETE", "/api/me/sessions/{id}", Caller.Member, k => NoBody, path: k => [Url("s_nosuchsession")]),
        // Succeeds every time: the caller has no other session to lose.
        Target("DELETE", "/api/me/sessions/others", Caller.Member, k => NoBody, query: [("x", Url())]),
        // Signing out every session would end the caller's: what a caller controls here is the token itself.
        new("DELETE", "/api/me/sessions", Caller.Anonymous, k => WildValues.Text
            .Select(t => new string(t.Where(c => c is >= ' ' and <= '~').ToArray()))
            .Select(token => new WildRequest("DELETE", "/api/me/sessions", null, Token: token))),
        // A current password that is never the caller's: their password and sessions stay as the other targets need them.
        Target("POST", "/api/me/password", Caller.Member, k => Body(
            ("currentPassword", WildValues.Field("\"not-the-password\"")), ("newPassword", WildValues.Field("\"a-brand-new-password\"")))),
        // A password that is never the caller's: the account stays as the other targets need it.
        Target("DELETE", "/api/me", Caller.Member, k => Body(
            ("password", WildValues.Field("\"not-the-password\"")), ("messages", WildValues.Field("\"keep\"")))),
        Target("GET", "/api/me/export", Caller.Member, k => NoBody),
        Target("POST", "/api/admin/invitations", Caller.Secretariat, k => Body(
            ("count", WildValues.Field("1", "2")), ("role", WildValues.Field("\"alumnus\"", "\"supporter\"")),
            ("expiresInDays", WildValues.Field("30")), ("note", WildValues.Field("\"for the reunion\"")))),
        Target("GET", "/api/admin/invitations", Caller.Secretariat, k => NoBody),
        Target("DELETE", "/api/admin/invitations/{code}", Caller.Secretariat, k => NoBody, path: k => [Url("ZZZZ-ZZZZ-ZZZZ")]),
        Target("GET", "/api/members", Caller.Member, k => NoBody, query: [("q", Url("yamada")), ("limit", Url("10")), ("cursor", Url("YWxpY2U")), ("openTo", Url("projects", "mentoring,speaking"))]),
        Target("GET", "/api/members/{id}", Caller.Member, k => NoBody, path: k => [Url(k.OtherMemberId)]),
        Target("PATCH", "/api/me/profile", Caller.Member, k => Body(
            ("displayName", WildValues.Field("\"Wild One\"")), ("headline", WildValues.Field("\"Engineer\"")), ("bio", WildValues.Field("\"Hello\\nthere\"")),
            ("currentCompany", WildValues.Field("\"ACME\"")), ("formerDepartments", WildValues.Field("[\"R&D\"]")), ("tags", WildValues.Field("[\"go\"]")),
            ("status", WildValues.Field("\"here\"")), ("openTo", WildValues.Field("[\"projects\"]", "[\"comeback\",\"speaking\"]")))),
        Target("POST", "/api/rooms", Caller.Member, k => Body(
            ("name", WildValues.Field("\"Reunion\"")), ("topic", WildValues.Field("\"2026\"")),
            ("visibility", WildValues.Field("\"public\"", "\"private\"")), ("kind", WildValues.Field("\"room\"", "\"meetup\"")))),
        Target("GET", "/api/rooms", Caller.Member, k => NoBody),
        Target("GET", "/api/rooms/discover", Caller.Member, k => NoBody, query: [("q", Url("reunion"))]),
        Target("GET", "/api/rooms/{id}", Caller.Member, k => NoBody, path: RoomId),
        Target("PATCH", "/api/rooms/{id}", Caller.Member, k => Body(("name", WildValues.Field("\"Renamed\"")), ("topic", WildValues.Field("\"New\""))), path: RoomId),
        Target("POST", "/api/rooms/{id}/join", Caller.Member, k => NoBody, path: RoomId),
        Target("POST", "/api/rooms/{id}/leave", Caller.Member, k => NoBody, path: k => [Url("r_nosuchroom", "broadcast")]),
        Target("GET", "/api/rooms/{id}/members", Caller.Member, k => NoBody, path: RoomId),
        Target("POST", "/api/rooms/{id}/members", Caller.Member, k => Body(("memberId", WildValues.Field($"\"{k.OtherMemberId}\""))), path: RoomId),
        Target("DELETE", "/api/rooms/{id}/members/{memberId}", Caller.Member, k => NoBody, path: k => [Url(k.RoomId), Url("m_nosuchmember")]),
        Target("GET", "/api/rooms/{id}/messages", Caller.Member, k => NoBody, path: RoomId,
            query: [("before", Url("1", "2")), ("after", Url("0", "1")), ("limit", Url("50"))]),
        Target("GET", "/api/rooms/{id}/messages/{seq}/replies", Caller.Member, k => NoBody, path: k => [Url(k.RoomId, "broadcast"), Url("1", "2")],
            query: [("after", Url("0", "1")), ("limit", Url("50"))]),
        Target("GET", "/api/rooms/{id}/pins", Caller.Member, k => NoBody, path: RoomId),
        Target("POST", "/api/rooms/{id}/pins", Caller.Member, k => Body(("seq", WildValues.Field("1", "2"))), path: RoomId),
        Target("DELETE", "/api/rooms/{id}/pins/{seq}", Caller.Member, k => NoBody, path: k => [Url(k.RoomId), Url("1", "2")]),
        Target("PUT", "/api/rooms/{id}/notice", Caller.Member, k => Body(("text", WildValues.Field("\"次回は12月5日\""))), path: RoomId),
        Target("DELETE", "/api/rooms/{id}/notice", Caller.Member, k => NoBody, path: RoomId),
        Target("POST", "/api/dms", Caller.Member, k => Body(("memberId", WildValues.Field($"\"{k.OtherMemberId}\"")))),
        Target("GET", "/api/stamps", Caller.Member, k => NoBody),
        Target("GET", "/api/stamps/{stampId}/image", Caller.Member, k => NoBody, path: k => [Url(k.StampId)],
            query: [("exp", Url("1")), ("sig", Url("abc"))]),
        new("POST", "/api/admin/stamp-packs", Caller.Secretariat, k => Gen.Select(WildValues.UrlValue("Greetings"), WildValues.UrlValue("hello"),
            (name, label) => new WildRequest("POST", "/api/admin/stamp-packs", null, Form: [name, label]))),
        Target("POST", "/api/rooms/{id}/meetups", Caller.Member, k => Body(
            ("title", WildValues.Field("\"Lunch\"")), ("startsAt", WildValues.Field($"\"{DateTimeOffset.UtcNow.AddDays(30):O}\"", "\"2026-13-45T99:00:00Z\"")),
            ("durationMinutes", WildValues.Field("60")), ("location", WildValues.Field("\"Shibuya\"")),
            ("timeZone", WildValues.Field("\"Asia/Tokyo\"", "\"Europe/London\"")), ("localStart", WildValues.Field("\"2030-02-01T12:00\"")),
            ("repeat", WildValues.Field("{\"frequency\":\"monthly\",\"weekOfMonth\":2,\"weekdays\":[\"friday\"]}", "{\"frequency\":\"weekly\"}")),
            ("exceptions", WildValues.Field("[\"2030-03-08\"]"))), path: RoomId),
        Target("GET", "/api/rooms/{id}/meetups", Caller.Member, k => NoBody, path: RoomId, query: [("upcoming", Url("true", "false"))]),
        Target("PUT", "/api/rooms/{id}/meetups/{meetupId}/rsvp", Caller.Member, k => Body(("response", WildValues.Field("\"going\"", "\"maybe\""))),
            path: k => [Url(k.RoomId), Url(k.MeetupId)]),
        Target("PUT", "/api/rooms/{id}/meetups/{meetupId}/repeat", Caller.Member, k => Body(
            ("frequency", WildValues.Field("\"weekly\"", "\"monthly\"")), ("interval", WildValues.Field("1", "2")),
            ("weekdays", WildValues.Field("[\"friday\"]", "[\"monday\",\"thursday\"]")), ("weekOfMonth", WildValues.Field("2", "-1")),
            ("dayOfMonth", WildValues.Field("15")), ("until", WildValues.Field("\"2031-12-31\"")), ("count", WildValues.Field("10"))),
            path: k => [Url(k.RoomId), Url(k.MeetupId)]),
        Target("POST", "/api/rooms/{id}/meetups/{meetupId}/exceptions", Caller.Member, k => Body(("date", WildValues.Field("\"2030-05-10\"", "\"2030-13-40\""))),
            path: k => [Url(k.RoomId), Url(k.MeetupId)]),
        Target("DELETE", "/api/rooms/{id}/meetups/{meetupId}/exceptions/{date}", Caller.Member, k => NoBody,
            path: k => [Url(k.RoomId), Url(k.MeetupId), Url("2030-05-10")]),
        Target("GET", "/api/rooms/{id}/meetups/{meetupId}/calendar.ics", Caller.Member, k => NoBody, path: k => [Url(k.RoomId), Url(k.MeetupId)]),
        Target("POST", "/api/rooms/{id}/calendar-feed", Caller.Member, k => NoBody, path: RoomId),
        Target("DELETE", "/api/rooms/{id}/calendar-feed", Caller.Member, k => NoBody, path: RoomId),
        Target("GET", "/calendar/feed.ics", Caller.Anonymous, k => NoBody, query: [("token", Url("cal_nosuchtoken"))]),
        Target("POST", "/api/rooms/{id}/polls", Caller.Member, k => Body(
            ("question", WildValues.Field("\"Lunch where?\"")), ("options", WildValues.Field("[\"渋谷\",\"新宿\"]", "[\"a\"]")),
            ("multiple", WildValues.Field("true", "false")), ("anonymous", WildValues.Field("true", "false")),
            ("closesAt", WildValues.Field($"\"{DateTimeOffset.UtcNow.AddDays(30):O}\"", "\"2026-13-45T99:00:00Z\"")),
            ("clientMsgId", WildValues.Field("\"wild-poll\""))), path: RoomId),
        Target("GET", "/api/rooms/{id}/polls", Caller.Member, k => NoBody, path: RoomId),
        Target("GET", "/api/rooms/{id}/polls/{pollId}", Caller.Member, k => NoBody, path: k => [Url(k.RoomId), Url("pl_nosuchpoll")]),
        Target("PUT", "/api/rooms/{id}/polls/{pollId}/vote", Caller.Member, k => Body(("choices", WildValues.Field("[0]", "[0,1]", "[]"))),
            path: k => [Url(k.RoomId), Url("pl_nosuchpoll")]),
        Target("POST", "/api/rooms/{id}/polls/{pollId}/close", Caller.Member, k => NoBody, path: k => [Url(k.RoomId), Url("pl_nosuchpoll")]),
        Target("POST", "/api/admin/surveys", Caller.Secretariat, k => Body(
            ("title", WildValues.Field("\"卒業生アンケート\"")), ("description", WildValues.Field("\"2026\"")),
            ("questions", WildValues.Field("[{\"kind\":\"single\",\"text\":\"Why?\",\"options\":[\"a\",\"b\"]}]", "[{\"kind\":\"text\",\"text\":\"Ideas\"}]")),
            ("tags", WildValues.Field("[\"osaka\"]", "[]")), ("anonymous", WildValues.Field("true", "false")))),
        Target("GET", "/api/admin/surveys", Caller.Secretariat, k => NoBody),
        Target("GET", "/api/admin/surveys/{id}", Caller.Secretariat, k => NoBody, path: k => [Url("sv_nosuchsurvey")]),
        Target("POST", "/api/admin/surveys/{id}/open", Caller.Secretariat, k => NoBody, path: k => [Url("sv_nosuchsurvey")]),
        Target("POST", "/api/admin/surveys/{id}/close", Caller.Secretariat, k => NoBody, path: k => [Url("sv_nosuchsurvey")]),
        Target("GET", "/api/admin/surveys/{id}/answers.csv", Caller.Secretariat, k => NoBody, path: k => [Url("sv_nosuchsurvey")]),
        Target("GET", "/api/surveys", Caller.Member, k => NoBody),
        Target("GET", "/api/surveys/{id}", Caller.Member, k => NoBody, path: k => [Url("sv_nosuchsurvey")]),
        Target("PUT", "/api/surveys/{id}/answers", Caller.Member, k => Body(
            ("answers", WildValues.Field("[{\"choices\":[0]}]", "[{\"text\":\"hi\"}]", "[]"))), path: k => [Url("sv_nosuchsurvey")]),
        Target("POST", "/api/reports", Caller.Member, k => Body(
            ("roomId", WildValues.Field($"\"{k.RoomId}\"")), ("seq", WildValues.Field("1")), ("reason", WildValues.Field("\"spam\"")))),
        Target("GET", "/api/admin/reports", Caller.Secretariat, k => NoBody),
        Target("POST", "/api/admin/reports/{id}/resolve", Caller.Secretariat, k => Body(
            ("outcome", WildValues.Field("\"actioned\"", "\"dismissed\"")), ("note", WildValues.Field("\"handled\""))), path: k => [Url("rp_nosuchreport")]),
        Target("DELETE", "/api/admin/stamp-packs/{id}", Caller.Secretariat, k => NoBody, path: k => [Url("p_nosuchpack")]),
        Target("GET", "/api/admin/audit", Caller.Secretariat, k => NoBody, query: [("before", Url("1", "100")), ("limit", Url("10")),
            ("action", Url("member.suspended", "invitations.created")), ("actor", Url("m_nosuchmember"))]),
        Target("GET", "/api/search/messages", Caller.Member, k => NoBody, query: [("q", Url("忘年会", "lunch 渋谷", "ＬＵＮＣＨ")),
            ("roomId", Url("broadcast")), ("from", Url("m_nosuchmember")), ("before", Url("1", "100")), ("limit", Url("10"))]),
        Target("DELETE", "/api/admin/members/{id}", Caller.Secretariat, k => NoBody, path: k => [Url("m_nosuchmember")]),
        Target("POST", "/api/admin/members/{id}/suspend", Caller.Secretariat, k => NoBody, path: k => [Url("m_nosuchmember")]),
        Target("POST", "/api/admin/members/{id}/unsuspend", Caller.Secretariat, k => NoBody, path: k => [Url(k.OtherMemberId)]),
        Target("POST", "/api/rooms/{id}/mutes", Caller.Member, k => Body(
            ("memberId", WildValues.Field($"\"{k.OtherMemberId}\"")), ("minutes", WildValues.Field("5"))), path: RoomId),
        Target("PUT", "/api/rooms/{id}/notifications", Caller.Member, k => Body(
            ("muted", WildValues.Field("true", "false")), ("until", WildValues.Field($"\"{DateTimeOffset.UtcNow.AddDays(1):O}\"", "\"2026-13-45T99:00:00Z\""))), path: RoomId),
        Target("GET", "/api/admin/broadcasts/{seq}/reach", Caller.Secretariat, k => NoBody, path: k => [Url("1")]),
        // Far enough ahead that nothing the test schedules goes out while it runs.
        Target("POST", "/api/admin/broadcasts/scheduled", Caller.Secretariat, k => Body(
            ("text", WildValues.Field("\"Reunion news\"")), ("sendAt", WildValues.Field("\"2027-06-01T00:00:00Z\"")))),
        Target("GET", "/api/admin/broadcasts/scheduled", Caller.Secretariat, k => NoBody),
        Target("PUT", "/api/admin/broadcasts/scheduled/{id}", Caller.Secretariat, k => Body(
            ("text", WildValues.Field("\"Changed\"")), ("sendAt", WildValues.Field("\"2027-06-02T00:00:00Z\""))), path: k => [Url("sb_nosuchone")]),
        Target("DELETE", "/api/admin/broadcasts/scheduled/{id}", Caller.Secretariat, k => NoBody, path: k => [Url("sb_nosuchone")]),
        Target("POST", "/api/opportunities", Caller.Secretariat, k => Body(
            ("kind", WildValues.Field("\"job\"", "\"project\"", "\"side-work\"")), ("title", WildValues.Field("\"Comeback engineer\"")),
            ("location", WildValues.Field("\"Tokyo\"")), ("remote", WildValues.Field("true", "false")), ("description", WildValues.Field("\"Join us again\"")),
            ("contact", WildValues.Field("\"hr@example.com\"")), ("closesAt", WildValues.Field("\"2027-06-01T00:00:00Z\"", "\"2026-13-45T99:00:00Z\"")))),
        Target("GET", "/api/opportunities", Caller.Member, k => NoBody, query: [("kind", Url("job", "side-work")), ("status", Url("open", "closed")),
            ("remote", Url("true", "false")), ("q", Url("engineer")), ("cursor", Url("1780000000000.op_x")), ("limit", Url("10"))]),
        Target("GET", "/api/opportunities/{id}", Caller.Member, k => NoBody, path: k => [Url("op_nosuchone")]),
        Target("PATCH", "/api/opportunities/{id}", Caller.Secretariat, k => Body(
            ("title", WildValues.Field("\"Changed\"")), ("remote", WildValues.Field("true"))), path: k => [Url("op_nosuchone")]),
        Target("POST", "/api/opportunities/{id}/close", Caller.Secretariat, k => NoBody, path: k => [Url("op_nosuchone")]),
        Target("PUT", "/api/opportunities/{id}/interest", Caller.Member, k => Body(("note", WildValues.Field("\"Interested\""))), path: k => [Url("op_nosuchone")]),
        Target("DELETE", "/api/opportunities/{id}/interest", Caller.Member, k => NoBody, path: k => [Url("op_nosuchone")]),
        Target("GET", "/api/opportunities/{id}/interest", Caller.Secretariat, k => NoBody, path: k => [Url("op_nosuchone")]),
        Target("POST", "/api/opportunities/{id}/interest/{memberId}/dm", Caller.Secretariat, k => NoBody,
            path: k => [Url("op_nosuchone"), Url(k.OtherMemberId)]),
        Target("GET", "/api/me/mail", Caller.Member, k => NoBody, query: [("x", Url())]),
        Target("PATCH", "/api/me/mail", Caller.Member, k => Body(
            ("address", WildValues.Field("\"wild@example.jp\"", "\"\"")), ("digests", WildValues.Field("true", "false")),
            ("broadcastMail", WildValues.Field("true", "false")), ("language", WildValues.Field("\"ja\"", "\"en\"", "\"\"")))),
        Target("GET", "/api/mail/unsubscribe", Caller.Anonymous, k => NoBody, query: [("token", Url("m_nosuchmember.digest.AAAA"))]),
        Target("POST", "/api/mail/unsubscribe", Caller.Anonymous, k => NoBody, query: [("token", Url("m_nosuchmember.broadcast.AAAA"))]),
        Target("GET", "/api/admin/members/{id}/mail", Caller.Secretariat, k => NoBody, path: k => [Url(k.OtherMemberId)]),
        Target("POST", "/api/admin/broadcasts/{seq}/email", Caller.Secretariat, k => NoBody, path: k => [Url("1")]),
        Target("POST", "/api/admin/mail/digests/run", Caller.Secretariat, k => NoBody),
        Target("GET", "/api/admin/mail/outbox", Caller.Secretariat, k => NoBody, query: [("pending", Url("true", "false")), ("limit", Url("10"))]),
        // Far enough ahead that no reminder falls while the test runs.
        Target("POST", "/api/events", Caller.Secretariat, k => Body(
            ("title", WildValues.Field("\"Autumn reunion\"")), ("description", WildValues.Field("\"Drinks\"")), ("location", WildValues.Field("\"Shibuya\"")),
            ("startsAt", WildValues.Field("\"2027-10-01T10:00:00Z\"", "\"2026-13-45T99:00:00Z\"")), ("durationMinutes", WildValues.Field("120")),
            ("capacity", WildValues.Field("50", "1")), ("invitedTags", WildValues.Field("[\"tokyo\"]", "[]")))),
        Target("GET", "/api/events", Caller.Member, k => NoBody, query: [("past", Url("true", "false"))]),
        Target("GET", "/api/events/{id}", Caller.Member, k => NoBody, path: k => [Url("ev_nosuchone")]),
        Target("PUT", "/api/events/{id}/rsvp", Caller.Member, k => Body(("response", WildValues.Field("\"going\"", "\"declined\""))), path: k => [Url("ev_nosuchone")]),
        Target("GET", "/api/events/{id}/attendees", Caller.Secretariat, k => NoBody, path: k => [Url("ev_nosuchone")]),
        Target("PUT", "/api/events/{id}/attendance", Caller.Secretariat, k => Body(("memberIds", WildValues.Field($"[\"{k.OtherMemberId}\"]", "[]"))),
            path: k => [Url("ev_nosuchone")]),
        Target("GET", "/api/admin/stats", Caller.Secretariat, k => NoBody),
        Target("GET", "/api/admin/stats/daily", Caller.Secretariat, k => NoBody, query: [("days", Url("7", "365"))]),
        Target("GET", "/health/live", Caller.Anonymous, k => NoBody, query: [("x", Url())]),
        Target("GET", "/health/ready", Caller.Anonymous, k => NoBody, query: [("x", Url())]),
        Target("GET", "/client/config.json", Caller.Anonymous, k => NoBody, query: [("x", Url())]),
    ];

    private static Func<KnownIds, Gen<string>[]> RoomId => k => [Url(k.RoomId, "broadcast")];

    private static Gen<string> Url(params string[] plausible) => WildValues.UrlValue(plausible.Length == 0 ? ["1"] : plausible);

    /// <summary>A JSON body with the route's fields, each plausible, wild or left out; now and then a body of no object shape at all.</summary>
    private static Gen<string?> Body(params (string Name, Gen<string?> Value)[] fields)
    {
        var members = fields.Aggregate(Gen.Const(new List<(string, string)>()), (list, field) =>
            list.SelectMany(l => field.Value.Select(v => v is null ? l : (List<(string, string)>)[.. l, (field.Name, v)])));
        return Gen.Frequency(
            (12, members.Select(m => (string?)RawJson.Object(m))),
            (1, WildValues.Json.Select(j => (string?)j)),
            (1, Gen.OneOf<string?>("{\"name\": ", "not json", "{\"a\":1}}", "", "[1,2", "{\"x\":\"\\ud800\"}")));
    }

    private static RestTarget Target(string method, string route, Caller caller, Func<KnownIds, Gen<string?>> body,
        Func<KnownIds, Gen<string>[]>? path = null, (string Name, Gen<string> Value)[]? query = null) =>
        new(method, route, caller, known =>
        {
            var segments = path?.Invoke(known) ?? [];
            var pathValues = segments.Aggregate(Gen.Const(new List<string>()), (list, g) => list.SelectMany(l => g.Select(v => (List<string>)[.. l, v])));
            var queryValues = (query ?? []).Aggregate(Gen.Const(new List<string>()), (list, q) =>
                list.SelectMany(l => Gen.Frequency((3, q.Value.Select(v => (string?)$"{q.Name}={RawJson.UrlEncoded(v)}")), (1, Gen.Const((string?)null)))
                    .Select(v => v is null ? l : (List<string>)[.. l, v])));
            return Gen.Select(pathValues, queryValues, body(known), (values, pairs, json) =>
            {
                var url = route;
                foreach (var value in values)
                {
                    var at = url.IndexOf('{', StringComparison.Ordinal);
                    // An empty, "." or ".." segment changes which route a URL names, not the value it carries.
                    var segment = value is "" or "." or ".." ? "x" : RawJson.UrlEncoded(value);
                    url = url[..at] + segment + url[(url.IndexOf('}', at) + 1)..];
                }
                if (pairs.Count > 0) url += "?" + string.Join('&', pairs);
                return new WildRequest(method, url, json);
            });
        });
}

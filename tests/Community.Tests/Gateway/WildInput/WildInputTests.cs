using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CsCheck;
using Community.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Community.Tests.Gateway.WildInput;

/// <summary>
/// Property test: random Unicode (NUL and other controls, lone surrogates, combining marks,
/// right-to-left text, emoji, very long strings), numbers and JSON shapes thrown at every REST
/// route and every hub method. Every answer is a success or a coded refusal (4xx problem+json,
/// or a hub error that starts with a code), never a server error; a refusal stores nothing; what
/// is accepted breaks no text rule; the node is live afterwards.
/// </summary>
/// <remarks>
/// Each target runs <c>COMMUNITY_PROPERTY_CASES</c> cases (200 unless set), from a seed of its own,
/// on one thread (each case reads the store before and after). A failure names the seed:
/// <c>COMMUNITY_PROPERTY_SEED=&lt;seed&gt;</c> runs the same cases again.
/// </remarks>
public sealed class WildInputTests(WildInputFixture fixture, ITestOutputHelper output) : IClassFixture<WildInputFixture>
{
    private static readonly string[] Codes = ["unauthorized", "forbidden", "not_found", "invalid", "conflict", "rate_limited", "too_large"];

    private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("COMMUNITY_PROPERTY_CASES"), out var cases) ? cases : 200;

    private static readonly string? Seed = Environment.GetEnvironmentVariable("COMMUNITY_PROPERTY_SEED") is { Length: > 0 } seed ? seed : null;

    public static TheoryData<string> Routes => [.. RestTargets.All.Select(t => t.ToString())];

    public static TheoryData<string> HubTargets => [.. HubCalls.Targets];

    [Fact]
    public void Every_mapped_rest_route_is_a_target_of_the_property_test()
    {
        var targets = RestTargets.All.Select(t => t.ToString()).ToHashSet();
        var mapped = fixture.Node.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not null && e.RoutePattern.RawText is { } raw
                && !raw.StartsWith("/hubs", StringComparison.Ordinal) && !raw.StartsWith("/openapi", StringComparison.Ordinal)
                && !raw.StartsWith("/scalar", StringComparison.Ordinal) && !raw.Contains('*', StringComparison.Ordinal)
                && e.DisplayName?.StartsWith("Fallback", StringComparison.Ordinal) != true
                && !e.Metadata.Any(m => m.GetType().Namespace == "Microsoft.AspNetCore.StaticAssets"))
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods
                .Select(method => $"{method} /{System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText!.Trim('/'), ":[^}]*", "")}"))
            .ToHashSet();

        Assert.Empty(mapped.Except(targets));
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Every_rest_route_answers_wild_input_with_success_or_a_problem_and_a_refusal_stores_nothing(string route)
    {
        var target = RestTargets.All.Single(t => t.ToString() == route);

        await SampleAsync(route, target.Requests(fixture.Known), request => CheckRestAsync(target, request));

        await AssertLiveAsync();
    }

    [Theory]
    [MemberData(nameof(HubTargets))]
    public async Task Every_hub_method_answers_wild_arguments_with_a_result_or_a_coded_error_and_a_refusal_stores_nothing(string method)
    {
        RawHubConnection? hub = null;
        try
        {
            await SampleAsync(method, HubCalls.For(method, fixture.Known.RoomId), async call =>
            {
                hub ??= await RawHubConnection.ConnectAsync(fixture.Node.BaseAddress, fixture.Caller.Token);
                await CheckHubAsync(hub, call);
                if (!hub.IsClosed) return;
                await hub.DisposeAsync();
                hub = null;
            });
        }
        finally
        {
            if (hub is not null) await hub.DisposeAsync();
        }

        await AssertLiveAsync();
    }

    private async Task SampleAsync<T>(string target, Gen<T> cases, Func<T, Task> check)
    {
        try
        {
            await cases.SampleAsync(check, writeLine: output.WriteLine, seed: Seed, iter: Cases, threads: 1, print: c => c?.ToString() ?? "null");
        }
        catch (Exception failure)
        {
            // CsCheck's message carries the seed; say which target it was for.
            throw new Xunit.Sdk.XunitException(
                $"{target}: {failure.Message}\n{failure.InnerException?.GetType().Name}: {failure.InnerException?.Message}\n(run again with COMMUNITY_PROPERTY_SEED set to the seed above)");
        }
    }

    private async Task CheckRestAsync(RestTarget target, WildRequest request)
    {
        var before = await StoredRows.SnapshotAsync(fixture.Node);
        using var message = Message(target, request);
        using var response = await fixture.Node.Anonymous.SendAsync(message);
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();

        if (status >= 500) throw new InvalidOperationException($"{status} for {request}: {body}");
        if (status >= 400)
        {
            // Kestrel refuses a request line it cannot read (a NUL or broken UTF-8 in the path, a URL too long) itself, before the application.
            var byKestrel = body.Length == 0 && status is 400 or 414 or 431;
            if (!byKestrel)
            {
                if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    throw new InvalidOperationException($"{status} without a problem for {request}: {body}");
                var code = JsonDocument.Parse(body).RootElement.GetProperty("code").GetString();
                if (!Codes.Contains(code)) throw new InvalidOperationException($"{status} with code '{code}' for {request}");
            }
            var after = await StoredRows.SnapshotAsync(fixture.Node);
            if (after != before) throw new InvalidOperationException($"refused with {status}, but the store changed, for {request}:\n{Difference(before, after)}");
        }
        else
        {
            var findings = await StoredRows.TextFindingsAsync(fixture.Node);
            if (findings.Count > 0) throw new InvalidOperationException($"accepted with {status}, and stored what the rules refuse, for {request}:\n{string.Join('\n', findings)}");
        }
    }

    private async Task CheckHubAsync(RawHubConnection hub, HubCall call)
    {
        var before = await StoredRows.SnapshotAsync(fixture.Node);
        var seen = hub.Errors.Count;
        var (completed, error) = call.Garbage is { } garbage ? await hub.SendGarbageAsync(garbage)
            : await hub.InvokeAsync(call.Target, call.Arguments, call.Oversized ? new string('p', 70 * 1024) : null);

        foreach (var sent in hub.Errors.Skip(seen))
        {
            if (!Codes.Any(code => sent.StartsWith(code + ": ", StringComparison.Ordinal)))
                throw new InvalidOperationException($"an error without a code, '{sent}', for {call}");
        }
        if (call.Oversized && (hub.CloseError is not { } reason || !reason.StartsWith("too_large: ", StringComparison.Ordinal)))
            throw new InvalidOperationException($"a message over the size limit did not close the connection with too_large (closed: {hub.IsClosed}, {hub.CloseError})");
        if (!completed && !hub.IsClosed) throw new InvalidOperationException($"no answer for {call}");
        if (!completed || error is not null)
        {
            var after = await StoredRows.SnapshotAsync(fixture.Node);
            if (after != before) throw new InvalidOperationException($"refused ({error ?? hub.CloseError}), but the store changed, for {call}:\n{Difference(before, after)}");
        }
        else
        {
            var findings = await StoredRows.TextFindingsAsync(fixture.Node);
            if (findings.Count > 0) throw new InvalidOperationException($"accepted, and stored what the rules refuse, for {call}:\n{string.Join('\n', findings)}");
        }
    }

    /// <summary>The node answers its health check, and a member can still send through the official client.</summary>
    private async Task AssertLiveAsync()
    {
        Assert.Equal(HttpStatusCode.OK, (await fixture.Node.Anonymous.GetAsync("/health/live")).StatusCode);
        await using var hub = await fixture.Node.ConnectAsync(fixture.Caller);
        Assert.True((await hub.SendTextAsync(fixture.Known.RoomId, "still here")).Long("seq") > 0);
    }

    private HttpRequestMessage Message(RestTarget target, WildRequest request)
    {
        var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(request.Url, UriKind.Relative));
        var token = request.Token ?? target.Caller switch
        {
            Caller.Member => fixture.Caller.Token,
            Caller.Secretariat => fixture.Secretariat.Token,
            _ => null,
        };
        if (token is not null) message.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        if (request.Form is { } values)
        {
            var form = new MultipartFormDataContent { { new StringContent(values[0]), "name" } };
            var file = new ByteArrayContent([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            // A header cannot carry control characters or a broken surrogate: the rest of the label goes as it is.
            form.Add(file, "files", Transportable(values[1]) + ".png");
            message.Content = form;
        }
        else if (request.Body is not null)
        {
            message.Content = new StringContent(request.Body, Encoding.UTF8, "application/json");
        }
        return message;
    }

    private static string Transportable(string text)
    {
        var kept = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) kept.Append(text[i]).Append(text[++i]);
            else if (!char.IsSurrogate(text[i]) && text[i] >= ' ' && text[i] != '\u007F' && text[i] is not ('"' or '\\')) kept.Append(text[i]);
        }
        return kept.Length > 200 ? kept.ToString(0, 200) : kept.ToString();
    }

    private static string Difference(string before, string after)
    {
        var old = before.Split('\n').ToHashSet();
        var now = after.Split('\n').ToHashSet();
        return string.Join('\n', old.Except(now).Select(l => "- " + l).Concat(now.Except(old).Select(l => "+ " + l)));
    }
}

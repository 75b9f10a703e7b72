using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Community.Tests.Support;

/// <summary>Reading answers as JSON, and asserting on the contract's problem+json errors.</summary>
public static class Json
{
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Asserts the response is the problem+json error with the given status and code; returns its detail.</summary>
    public static async Task<string> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status} {code}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem.GetProperty("detail").GetString() ?? "";
    }

    /// <summary>Asserts a 400 <c>invalid</c> problem whose detail names <paramref name="field"/>.</summary>
    public static async Task AssertInvalidAsync(this HttpResponseMessage response, string field)
    {
        var detail = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid");
        Assert.True(detail.Contains(field, StringComparison.Ordinal), $"expected the problem to name '{field}', its detail is: {detail}");
    }

    /// <summary>Asserts a 403 <c>forbidden</c> problem; returns its detail.</summary>
    public static Task<string> AssertForbiddenAsync(this HttpResponseMessage response) =>
        response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object? body) =>
        client.PostAsJsonAsync(path, body);

    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string path, object? body) =>
        client.PatchAsJsonAsync(path, body);

    public static string Str(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    public static long Long(this JsonElement element, string property) => element.GetProperty(property).GetInt64();

    public static JsonElement[] Items(this JsonElement element) => element.GetProperty("items").EnumerateArray().ToArray();
}

namespace Community.Tests.Support;

/// <summary>The store the integration tests' nodes run on: <c>COMMUNITY_TEST_STORE</c> is <c>sqlite</c> (the default) or <c>postgres</c>.</summary>
public static class TestStore
{
    public const string Variable = "COMMUNITY_TEST_STORE";

    public static bool IsPostgres { get; } = Read() == "postgres";

    private static string Read()
    {
        var value = Environment.GetEnvironmentVariable(Variable)?.Trim().ToLowerInvariant();
        return value switch
        {
            null or "" or "sqlite" => "sqlite",
            "postgres" => "postgres",
            _ => throw new InvalidOperationException($"{Variable} is '{value}'; it must be 'sqlite' (the default) or 'postgres'."),
        };
    }
}

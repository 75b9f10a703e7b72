using Community.Grains.Runtime;

namespace Community.Tests.Grains.Runtime;

public interface ITestGrain : IGrain
{
    Task<ActivationInfo> DescribeAsync();

    Task<int> IncrementAsync();

    Task<int> GetCountAsync();

    Task SetNameAsync(string name);

    Task<string> GetNameAsync();

    Task HoldAsync();

    Task FailAsync(string message);

    Task<int> FailBeforeReturningAsync(string message);
}

using Community.Tests.Support;

namespace Community.Tests.Gateway;

public sealed class BootstrapTests
{
    [Fact]
    public async Task A_second_start_on_the_same_data_does_not_create_the_secretariat_again()
    {
        var dataPath = CommunityNode.NewDataPath();
        try
        {
            string firstId;
            await using (var first = await CommunityNode.StartAsync(dataPath))
            {
                firstId = (await new Network(first).SecretariatAsync()).Id;
            }

            await using var second = await CommunityNode.StartAsync(dataPath);
            var secretariat = await new Network(second).SecretariatAsync();

            Assert.Equal(firstId, secretariat.Id);
            var everyone = await (await secretariat.Http.GetAsync("/api/members?limit=100")).ReadJsonAsync();
            var member = Assert.Single(everyone.Items());
            Assert.Equal(CommunityNode.SecretariatHandle, member.Str("handle"));
            Assert.Equal("secretariat", member.Str("role"));
        }
        finally
        {
            CommunityNode.DeleteData(dataPath);
        }
    }
}

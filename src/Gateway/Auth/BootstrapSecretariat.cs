using Community.Gateway.Logging;
using Community.Grains.Audit;
using Community.Grains.Common;
using Community.Grains.Members;
using Community.Grains.Storage;
using Community.Grains.Text;
using Microsoft.Extensions.Options;

namespace Community.Gateway.Auth;

/// <summary>Creates the configured secretariat account at start-up when no member has its handle.</summary>
internal sealed class BootstrapSecretariat(IOptions<BootstrapOptions> options, IMemberStore members, PasswordHasher hasher,
    TimeProvider time, ILogger<BootstrapSecretariat> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var bootstrap = options.Value;
        if (string.IsNullOrEmpty(bootstrap.Handle) || string.IsNullOrEmpty(bootstrap.Password))
        {
            GatewayLog.BootstrapMissing(logger);
            return;
        }
        var handle = Handles.Check(bootstrap.Handle, "Community:Bootstrap:Handle");
        Check.Password(bootstrap.Password, "Community:Bootstrap:Password");
        var displayName = FieldRules.DisplayName.Check(bootstrap.DisplayName, "Community:Bootstrap:DisplayName");
        if (await members.GetByHandleAsync(handle) is not null) return;
        var profile = MemberProfile.New(Ids.NewMemberId(), handle, displayName, MemberRoles.Secretariat, time.Now());
        // The one role given other than by invitation: recorded with no actor, the node's configuration being the grantor.
        var grant = AuditEntry.Of(AuditActions.RoleGranted, null, null, profile.Id,
            new { handle, role = MemberRoles.Secretariat, by = "configuration" }, profile.JoinedAt);
        if (await members.CreateAsync(profile, hasher.Hash(bootstrap.Password), grant))
            GatewayLog.BootstrapCreated(logger, handle);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

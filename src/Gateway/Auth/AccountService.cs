using Community.Gateway.Contracts;
using Community.Grains.Common;
using Community.Grains.Errors;
using Community.Grains.Rooms;
using Community.Grains.Members;
using Community.Grains.Storage;

namespace Community.Gateway.Auth;

/// <summary>Sign-up with an invitation, sign-in and sign-out.</summary>
public sealed class AccountService(
    IInvitationStore invitations, IMemberStore members, PasswordHasher hasher, PasswordHashPool hashing, TokenService tokens,
    LoginThrottle throttle, MemberViews views, IGrainFactory grains, TimeProvider time)
{
    /// <summary>Signs up with an invitation; <paramref name="aborted"/>: the client went away, and its password need not be hashed.</summary>
    public async Task<AuthResponse> RegisterAsync(RegisterRequest request, CancellationToken aborted = default)
    {
        var code = InvitationCode.Normalize(request.InviteCode);
        var handle = HandleRules.Check(request.Handle);
        var displayName = Check.Length(request.DisplayName?.Trim(), "displayName", 1, Limits.DisplayNameMax);
        var password = Check.Length(request.Password, "password", Limits.PasswordMin, Limits.PasswordMax);

        // The invitation first: a made-up or spent code costs a lookup, never a password hash.
        ThrowIfRefused(Usability(await invitations.GetAsync(code), time.Now()));
        if (await members.GetByHandleAsync(handle) is not null) ThrowIfRefused(RedeemResult.HandleTaken);
        var passwordHash = await hashing.RunAsync(() => hasher.Hash(password), aborted);

        // Redeeming checks all of it again, in the transaction that uses the code.
        var profile = MemberProfile.New(Ids.NewMemberId(), handle, displayName, MemberRoles.Alumnus, time.Now());
        ThrowIfRefused(await invitations.RedeemAsync(code, profile, passwordHash, time.Now()));
        await EnrolAsync(profile.Id);
        var created = (await members.GetAsync(profile.Id))!.Profile;
        return new AuthResponse(await tokens.IssueAsync(created.Id), await views.OfAsync(created));
    }

    /// <summary>Signs in; <paramref name="aborted"/>: the client went away, and its password need not be checked.</summary>
    public async Task<AuthResponse> LoginAsync(LoginRequest request, CancellationToken aborted = default)
    {
        if (string.IsNullOrEmpty(request.Handle)) throw CommunityException.Invalid("handle", "is required");
        if (string.IsNullOrEmpty(request.Password)) throw CommunityException.Invalid("password", "is required");
        throttle.Attempt(request.Handle);

        var credentials = await members.GetCredentialsAsync(request.Handle);
        if (credentials is null)
        {
            await hashing.RunAsync(() => hasher.VerifyNothing(request.Password), aborted);
            throw CommunityException.Unauthorized("wrong handle or password");
        }
        if (!await hashing.RunAsync(() => hasher.Verify(request.Password, credentials.PasswordHash), aborted))
            throw CommunityException.Unauthorized("wrong handle or password");
        if (credentials.Suspended) throw CommunityException.Forbidden("this account is suspended");

        // Signing in again completes a sign-up whose enrolment in the broadcast channel failed.
        await EnrolAsync(credentials.MemberId);
        var member = (await members.GetAsync(credentials.MemberId))!.Profile;
        return new AuthResponse(await tokens.IssueAsync(member.Id), await views.OfAsync(member));
    }

    private static RedeemResult Usability(Invitation? invitation, DateTimeOffset now) =>
        invitation is null ? RedeemResult.UnknownCode
        : invitation.UsedBy is not null ? RedeemResult.AlreadyUsed
        : invitation.ExpiresAt <= now ? RedeemResult.Expired
        : RedeemResult.Redeemed;

    private static void ThrowIfRefused(RedeemResult result)
    {
        switch (result)
        {
            case RedeemResult.UnknownCode: throw CommunityException.Invalid("inviteCode", "no such invitation");
            case RedeemResult.AlreadyUsed: throw CommunityException.Conflict("this invitation has been used already");
            case RedeemResult.Expired: throw CommunityException.Conflict("this invitation has expired");
            case RedeemResult.HandleTaken: throw CommunityException.Conflict("that handle is taken");
        }
    }

    /// <summary>Every member belongs to the broadcast channel; its grain enrols them.</summary>
    private Task EnrolAsync(string memberId) => grains.GetGrain<IRoomGrain>(BroadcastChannel.Id).EnrolAsync(memberId);
}

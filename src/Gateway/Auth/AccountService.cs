using Community.Gateway.Contracts;
using Community.Grains.Common;
using Community.Grains.Conversations;
using Community.Grains.Errors;
using Community.Grains.Rooms;
using Community.Grains.Members;
using Community.Grains.Messages;
using Community.Grains.Storage;
using Community.Grains.Text;

namespace Community.Gateway.Auth;

/// <summary>Sign-up with an invitation, sign-in, and changing one's password.</summary>
public sealed class AccountService(
    IInvitationStore invitations, IMemberStore members, PasswordHasher hasher, PasswordHashPool hashing, TokenService tokens,
    LoginThrottle throttle, MemberViews views, IGrainFactory grains, TimeProvider time)
{
    /// <summary>
    /// Signs a new member up; the session it opens is named after <paramref name="userAgent"/>.
    /// <paramref name="aborted"/>: the client went away, and its password need not be hashed.
    /// </summary>
    public async Task<AuthResponse> RegisterAsync(RegisterRequest request, string? userAgent, CancellationToken aborted = default)
    {
        var code = InvitationCode.Normalize(request.InviteCode);
        var handle = Handles.Check(request.Handle);
        if (RoomWideMentions.ReservedHandles.Contains(handle))
            throw CommunityException.Invalid("handle", $"@{handle} mentions a whole room: choose another handle");
        var displayName = FieldRules.DisplayName.Check(request.DisplayName, "displayName");
        var password = Check.Password(request.Password, "password");

        // The invitation first: a made-up, spent or withdrawn code costs a lookup, never a password hash.
        ThrowIfRefused(Usability(await invitations.GetAsync(code), time.Now()));
        if (await members.GetByHandleAsync(handle) is not null) ThrowIfRefused(RedeemResult.HandleTaken);
        var passwordHash = await hashing.RunAsync(() => hasher.Hash(password), aborted);

        // Redeeming checks all of it again, in the transaction that uses the code.
        var profile = MemberProfile.New(Ids.NewMemberId(), handle, displayName, MemberRoles.Alumnus, time.Now());
        ThrowIfRefused(await invitations.RedeemAsync(code, profile, passwordHash, time.Now()));
        await EnrolAsync(profile.Id);
        var created = (await members.GetAsync(profile.Id))!.Profile;
        return new AuthResponse(await tokens.IssueAsync(created.Id, userAgent), await views.OfAsync(created));
    }

    /// <summary>
    /// Signs a member in; the session it opens is named after <paramref name="userAgent"/>.
    /// <paramref name="aborted"/>: the client went away, and its password need not be checked.
    /// </summary>
    public async Task<AuthResponse> LoginAsync(LoginRequest request, string? userAgent, CancellationToken aborted = default)
    {
        var handle = Handles.Check(request.Handle);
        if (string.IsNullOrEmpty(request.Password)) throw CommunityException.Invalid("password", "is required");
        throttle.Attempt(handle);

        var credentials = await members.GetCredentialsAsync(handle);
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
        return new AuthResponse(await tokens.IssueAsync(member.Id, userAgent), await views.OfAsync(member));
    }

    /// <summary>
    /// Changes the member's password, given the current one, and signs out every session but
    /// <paramref name="keepSessionId"/> (the one asking): whoever else held the account is out.
    /// </summary>
    public async Task ChangePasswordAsync(string memberId, string keepSessionId, ChangePasswordRequest request)
    {
        if (string.IsNullOrEmpty(request.CurrentPassword)) throw CommunityException.Invalid("currentPassword", "is required");
        var newPassword = Check.Password(request.NewPassword, "newPassword");
        var member = grains.GetGrain<IMemberGrain>(memberId);
        var profile = await member.GetAsync() ?? throw CommunityException.NotFound("no such member");
        throttle.Attempt(profile.Handle);
        var credentials = await members.GetCredentialsAsync(profile.Handle) ?? throw CommunityException.NotFound("no such member");
        if (!await hashing.RunAsync(() => hasher.Verify(request.CurrentPassword, credentials.PasswordHash)))
            throw CommunityException.Forbidden("the current password is not right");
        var newHash = await hashing.RunAsync(() => hasher.Hash(newPassword));
        if (!await member.ChangePasswordAsync(credentials.PasswordHash, newHash, keepSessionId))
            throw CommunityException.Conflict("the password was changed meanwhile; try again");
    }

    /// <summary>
    /// Deletes the member's own account, given their password (<c>forbidden</c> when it is not right). Their messages stay
    /// in their rooms, shown as a former member's (<c>messages</c> is <c>keep</c>, the default), or are erased (<c>erase</c>).
    /// </summary>
    public async Task DeleteAccountAsync(string memberId, DeleteAccountRequest request)
    {
        if (string.IsNullOrEmpty(request.Password)) throw CommunityException.Invalid("password", "is required");
        var departure = Departures.Check(request.Messages);
        var member = grains.GetGrain<IMemberGrain>(memberId);
        var profile = await member.GetAsync() ?? throw CommunityException.NotFound("no such member");
        throttle.Attempt(profile.Handle);
        var credentials = await members.GetCredentialsAsync(profile.Handle) ?? throw CommunityException.NotFound("no such member");
        if (!await hashing.RunAsync(() => hasher.Verify(request.Password, credentials.PasswordHash)))
            throw CommunityException.Forbidden("the password is not right");
        await member.DeleteAccountAsync(new Actor(memberId, profile.Role), departure);
    }

    private static RedeemResult Usability(Invitation? invitation, DateTimeOffset now) =>
        invitation is null ? RedeemResult.UnknownCode
        : invitation.UsedBy is not null ? RedeemResult.AlreadyUsed
        : invitation.RevokedAt is not null ? RedeemResult.Revoked
        : invitation.ExpiresAt <= now ? RedeemResult.Expired
        : RedeemResult.Redeemed;

    private static void ThrowIfRefused(RedeemResult result)
    {
        switch (result)
        {
            case RedeemResult.UnknownCode: throw CommunityException.Invalid("inviteCode", "no such invitation");
            case RedeemResult.AlreadyUsed: throw CommunityException.Conflict("this invitation has been used already");
            case RedeemResult.Expired: throw CommunityException.Conflict("this invitation has expired");
            case RedeemResult.Revoked: throw CommunityException.Conflict("this invitation has been withdrawn");
            case RedeemResult.HandleTaken: throw CommunityException.Conflict("that handle is taken");
        }
    }

    /// <summary>Every member belongs to the broadcast channel; its grain enrols them.</summary>
    private Task EnrolAsync(string memberId) => grains.GetGrain<IRoomGrain>(BroadcastChannel.Id).EnrolAsync(memberId);
}

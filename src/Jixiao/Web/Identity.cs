using System.Security.Claims;
using Jixiao.Infrastructure.Identity;
using Jixiao.Infrastructure.Scope;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Jixiao.Web;

/// <summary>Refuses sign-in to disabled users, on top of Identity's lockout.</summary>
public sealed class JixiaoSignInManager(UserManager<AppUser> userManager, IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory, IOptions<IdentityOptions> optionsAccessor, ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes, IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return !user.IsDisabled && await base.CanSignInAsync(user);
    }
}

/// <summary>The last time the user did something in this circuit; drives the idle timeout.</summary>
public sealed class SessionActivity(TimeProvider clock)
{
    public DateTimeOffset LastActivity { get; private set; } = clock.GetUtcNow();

    public void Touch() => LastActivity = clock.GetUtcNow();

    public bool IsIdleLongerThan(TimeSpan limit) => clock.GetUtcNow() - LastActivity > limit;
}

/// <summary>
/// Checks an open page's sign-in every minute: the user still exists, is not disabled, has the same
/// security stamp (no reset, no role change), and has not been idle past the session timeout.
/// </summary>
public sealed class RevalidatingUserStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopeFactory,
    IOptions<IdentityOptions> identityOptions, IOptions<SecurityOptions> securityOptions, SessionActivity activity)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        if (activity.IsIdleLongerThan(TimeSpan.FromMinutes(securityOptions.Value.SessionTimeoutMinutes)))
        {
            return false;
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.GetUserAsync(authenticationState.User);
        if (user is null || user.IsDisabled)
        {
            return false;
        }

        if (!users.SupportsUserSecurityStamp)
        {
            return true;
        }

        var principalStamp = authenticationState.User.FindFirstValue(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType);
        return principalStamp == await users.GetSecurityStampAsync(user);
    }
}

/// <summary>Sets the circuit's <see cref="CurrentUser"/> when it opens and whenever its sign-in changes; records activity.</summary>
internal sealed class CurrentUserCircuitHandler(AuthenticationStateProvider authentication, CurrentUserLoader loader, CurrentUser user,
    SessionActivity activity, IHttpContextAccessor httpContextAccessor) : CircuitHandler, IDisposable
{
    private string? ipAddress;

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        ipAddress = httpContextAccessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
        authentication.AuthenticationStateChanged += OnAuthenticationStateChanged;
        var state = await authentication.GetAuthenticationStateAsync();
        await loader.LoadAsync(user, state.User, ipAddress, cancellationToken);
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        context =>
        {
            activity.Touch();
            return next(context);
        };

    public void Dispose() => authentication.AuthenticationStateChanged -= OnAuthenticationStateChanged;

    private async void OnAuthenticationStateChanged(Task<AuthenticationState> task)
    {
        try
        {
            var state = await task;
            await loader.LoadAsync(user, state.User, ipAddress);
        }
        catch (Exception)
        {
            user.SignOut(ipAddress);
        }
    }
}

/// <summary>Sets the request's <see cref="CurrentUser"/>; sends users who must change their password to that page.</summary>
internal sealed class CurrentUserMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, CurrentUser user, CurrentUserLoader loader)
    {
        await loader.LoadAsync(user, context.User, context.Connection.RemoteIpAddress?.ToString(), context.RequestAborted);
        if (user.IsAuthenticated && context.User.HasClaim(JixiaoClaims.MustChangePassword, "1")
            && HttpMethods.IsGet(context.Request.Method)
            && !context.Request.Path.StartsWithSegments("/account")
            && !context.Request.Path.StartsWithSegments("/_content")
            && !context.Request.Path.StartsWithSegments("/_framework")
            && !context.Request.Path.StartsWithSegments("/_blazor")
            && !context.Request.Path.StartsWithSegments("/css")
            && !context.Request.Path.StartsWithSegments("/healthz"))
        {
            context.Response.Redirect("/account/password?first=true");
            return;
        }

        await next(context);
    }
}

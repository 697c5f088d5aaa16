using System.Security.Claims;

namespace Jixiao.Infrastructure.Scope;

/// <summary>Claim types Jixiao adds to the sign-in cookie.</summary>
public static class JixiaoClaims
{
    public const string Unit = "jixiao:unit";
    public const string DisplayName = "jixiao:name";
    public const string MustChangePassword = "jixiao:must-change-password";
}

/// <summary>Fills the <see cref="CurrentUser"/> of a request or circuit from its signed-in principal.</summary>
public sealed class CurrentUserLoader(UnitDirectory units)
{
    public async Task LoadAsync(CurrentUser target, ClaimsPrincipal? principal, string? ipAddress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var userId = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (principal?.Identity?.IsAuthenticated != true || userId is null
            || !int.TryParse(principal.FindFirstValue(JixiaoClaims.Unit), out var unitId))
        {
            target.SignOut(ipAddress);
            return;
        }

        var snapshot = await units.GetAsync(cancellationToken);
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToArray();
        target.SignIn(
            userId,
            principal.Identity.Name ?? userId,
            principal.FindFirstValue(JixiaoClaims.DisplayName) ?? principal.Identity.Name ?? userId,
            unitId,
            snapshot.Find(unitId)?.Name,
            roles,
            snapshot.Tree,
            ipAddress);
    }
}

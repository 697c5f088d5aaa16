using System.ComponentModel.DataAnnotations;

namespace Jixiao.Infrastructure.Identity;

/// <summary>Configuration section "Jixiao:Security": password, lockout and session rules.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Jixiao:Security";

    [Range(8, 64)]
    public int PasswordMinLength { get; set; } = 8;

    /// <summary>Failed sign-ins before the account is locked (等保 2.0 asks for a limit).</summary>
    [Range(1, 100)]
    public int MaxFailedAccessAttempts { get; set; } = 5;

    [Range(1, 1440)]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Idle time after which the session ends and the user signs in again.</summary>
    [Range(1, 1440)]
    public int SessionTimeoutMinutes { get; set; } = 30;

    /// <summary>
    /// Longest a sign-in lasts, idle or not (hours). The idle timeout is enforced on open pages by the
    /// circuit; the cookie itself slides only on plain HTTP requests (downloads), so it must outlive it.
    /// </summary>
    [Range(1, 24)]
    public int SessionLifetimeHours { get; set; } = 10;

    /// <summary>Turns on HTTPS redirection and HSTS; leave off behind a TLS-terminating proxy that does it.</summary>
    public bool RequireHttps { get; set; }

    /// <summary>
    /// Addresses of reverse proxies whose X-Forwarded-For header is believed, so that the audit log
    /// and the public pages' per-address limits see the client's address, not the proxy's. Empty: none.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];
}

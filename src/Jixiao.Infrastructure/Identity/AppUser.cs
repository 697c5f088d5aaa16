using Microsoft.AspNetCore.Identity;

namespace Jixiao.Infrastructure.Identity;

/// <summary>A person who signs in to Jixiao. Belongs to exactly one unit.</summary>
public sealed class AppUser : IdentityUser
{
    /// <summary>Real name (姓名) shown in the product and in the audit log.</summary>
    public string DisplayName { get; set; } = string.Empty;

    public int UnitId { get; set; }

    /// <summary>A disabled user (已停用) cannot sign in; their records and audit entries stay.</summary>
    public bool IsDisabled { get; set; }

    /// <summary>Set after an administrator resets the password: the user must choose a new one.</summary>
    public bool MustChangePassword { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? LastSignInAt { get; set; }
}

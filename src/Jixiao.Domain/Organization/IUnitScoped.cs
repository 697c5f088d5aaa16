namespace Jixiao.Domain.Organization;

/// <summary>
/// A record that belongs to one unit. A user reads and changes it only when the unit lies in
/// their data scope (数据权限): their unit's subtree, or every unit for roles that read all units.
/// </summary>
public interface IUnitScoped
{
    /// <summary>The unit the record belongs to.</summary>
    int UnitId { get; }
}

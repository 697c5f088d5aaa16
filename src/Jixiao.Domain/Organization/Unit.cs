namespace Jixiao.Domain.Organization;

/// <summary>
/// A unit (单位) in the organisation tree: a bureau, one of its offices, or a county bureau under it.
/// Every record and every user belongs to one unit; a user's data scope is their unit's subtree.
/// </summary>
public sealed class Unit
{
    private Unit()
    {
        Code = Name = ShortName = string.Empty;
    }

    public Unit(string code, string name, string shortName, UnitLevel level, UnitKind kind, int? parentId, int sortOrder = 0)
    {
        Code = RequireCode(code);
        Name = Require(name, "单位名称");
        ShortName = string.IsNullOrWhiteSpace(shortName) ? Name : shortName.Trim();
        Level = level;
        Kind = kind;
        ParentId = parentId;
        SortOrder = sortOrder;
        IsActive = true;
    }

    public int Id { get; private set; }

    /// <summary>Unit code (单位代码), e.g. 440700 for 江门市司法局; unique, used on the command line.</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    /// <summary>Short name (简称) for tables and charts.</summary>
    public string ShortName { get; private set; }

    public UnitLevel Level { get; private set; }

    public UnitKind Kind { get; private set; }

    public int? ParentId { get; private set; }

    public int SortOrder { get; private set; }

    /// <summary>An inactive unit (已撤销) keeps its records but gets no new users.</summary>
    public bool IsActive { get; private set; }

    public void Rename(string name, string shortName, UnitLevel level, UnitKind kind, int sortOrder)
    {
        Name = Require(name, "单位名称");
        ShortName = string.IsNullOrWhiteSpace(shortName) ? Name : shortName.Trim();
        Level = level;
        Kind = kind;
        SortOrder = sortOrder;
    }

    /// <summary>Moves the unit under another parent after <see cref="UnitTree.CheckMove"/> has allowed it.</summary>
    public void MoveTo(int? parentId, UnitTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        tree.CheckMove(Id, parentId);
        ParentId = parentId;
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    private static string RequireCode(string code)
    {
        var trimmed = Require(code, "单位代码");
        if (trimmed.Length > 32 || trimmed.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '-')))
        {
            throw new DomainException($"单位代码“{trimmed}”无效：只能由字母、数字和“-”组成，最长 32 位。");
        }

        return trimmed;
    }

    private static string Require(string value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new DomainException($"{field}不能为空。") : value.Trim();
}

/// <summary>Administrative level (级别) of a unit.</summary>
public enum UnitLevel
{
    /// <summary>省级</summary>
    Province = 1,

    /// <summary>市级</summary>
    City = 2,

    /// <summary>县级（县、市、区）</summary>
    County = 3,

    /// <summary>乡镇（街道）级</summary>
    Township = 4,
}

/// <summary>Kind (类型) of a unit.</summary>
public enum UnitKind
{
    /// <summary>行政机关（局）</summary>
    Bureau = 1,

    /// <summary>内设机构（科室）</summary>
    Office = 2,

    /// <summary>财政部门</summary>
    FinanceBureau = 3,

    /// <summary>其他单位</summary>
    Other = 9,
}

public static class UnitNames
{
    public static string LevelName(UnitLevel level) => level switch
    {
        UnitLevel.Province => "省级",
        UnitLevel.City => "市级",
        UnitLevel.County => "县级",
        UnitLevel.Township => "乡镇级",
        _ => level.ToString(),
    };

    public static string KindName(UnitKind kind) => kind switch
    {
        UnitKind.Bureau => "行政机关",
        UnitKind.Office => "内设机构",
        UnitKind.FinanceBureau => "财政部门",
        UnitKind.Other => "其他单位",
        _ => kind.ToString(),
    };
}

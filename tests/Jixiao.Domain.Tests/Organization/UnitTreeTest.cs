using Jixiao.Domain;
using Jixiao.Domain.Organization;
using Jixiao.Domain.Privacy;

namespace Jixiao.Domain.Tests.Organization;

public sealed class UnitTreeTest
{
    // 1 江门市司法局 ─┬─ 2 办公室
    //               ├─ 3 蓬江区司法局 ── 5 蓬江区某司法所
    //               └─ 4 江海区司法局
    // 9 江门市财政局 (a second root)
    private static readonly UnitTree Tree = new([(1, null), (2, 1), (3, 1), (4, 1), (5, 3), (9, null)]);

    [Theory]
    [InlineData(1, 1, true)]
    [InlineData(1, 5, true)]
    [InlineData(3, 5, true)]
    [InlineData(3, 4, false)]
    [InlineData(5, 3, false)]
    [InlineData(1, 9, false)]
    [InlineData(9, 1, false)]
    public void IsInSubtree_Table_AnswersMembership(int root, int candidate, bool expected) =>
        Tree.IsInSubtree(root, candidate).ShouldBe(expected);

    [Fact]
    public void Subtree_OfCity_IsCityAndEverythingBelowItOnly() =>
        Tree.Subtree(1).Order().ShouldBe([1, 2, 3, 4, 5]);

    [Fact]
    public void Subtree_OfUnknownUnit_IsEmpty() => Tree.Subtree(42).ShouldBeEmpty();

    [Fact]
    public void AncestorsOf_Leaf_ListsRootFirst() => Tree.AncestorsOf(5).ShouldBe([1, 3]);

    [Fact]
    public void WithMove_ToAnotherParent_ChangesSubtrees()
    {
        var moved = Tree.WithMove(5, 4);
        moved.Subtree(4).ShouldBe([4, 5]);
        moved.Subtree(3).ShouldBe([3]);
        Tree.Subtree(3).ShouldBe([3, 5]);
    }

    [Fact]
    public void WithMove_ToRoot_MakesItATopUnit() => Tree.WithMove(3, null).IsInSubtree(1, 5).ShouldBeFalse();

    [Theory]
    [InlineData(3, 3, "自己的上级")]
    [InlineData(3, 5, "循环")]
    [InlineData(1, 5, "循环")]
    public void CheckMove_UnderItselfOrADescendant_IsRefused(int unit, int newParent, string message) =>
        Should.Throw<DomainException>(() => Tree.CheckMove(unit, newParent)).Message.ShouldContain(message);

    [Fact]
    public void CheckMove_ToUnknownParent_IsNotFound() =>
        Should.Throw<NotFoundException>(() => Tree.CheckMove(3, 77));

    [Fact]
    public void Constructor_DuplicateUnit_IsRefused() =>
        Should.Throw<DomainException>(() => new UnitTree([(1, null), (1, null)]));

    [Fact]
    public void Unit_MoveTo_UsesTheTreesRule()
    {
        var unit = new Unit("440703", "蓬江区司法局", "蓬江区", UnitLevel.County, UnitKind.Bureau, 1);
        Should.Throw<NotFoundException>(() => unit.MoveTo(4, Tree)); // id 0 is not in the tree
    }

    [Theory]
    [InlineData("", "单位代码不能为空")]
    [InlineData("4407 03", "无效")]
    [InlineData("440703/1", "无效")]
    public void Unit_BadCode_IsRefused(string code, string message) =>
        Should.Throw<DomainException>(() => new Unit(code, "某单位", "", UnitLevel.County, UnitKind.Bureau, null)).Message.ShouldContain(message);

    [Fact]
    public void Unit_NoShortName_UsesName() =>
        new Unit("440704", "江海区司法局", " ", UnitLevel.County, UnitKind.Bureau, null).ShortName.ShouldBe("江海区司法局");
}

public sealed class RolesTest
{
    [Theory]
    [InlineData(Roles.Administrator, Area.Administration, true)]
    [InlineData(Roles.PerformanceOfficer, Area.Administration, false)]
    [InlineData(Roles.PerformanceOfficer, Area.Performance, true)]
    [InlineData(Roles.CaseHandler, Area.Performance, false)]
    [InlineData(Roles.CaseHandler, Area.Reconsideration, true)]
    [InlineData(Roles.FinanceReviewer, Area.Reconsideration, false)]
    [InlineData(Roles.Leader, Area.Statistics, true)]
    public void MayRead_Table(string role, Area area, bool expected) => Roles.MayRead([role], area).ShouldBe(expected);

    [Fact]
    public void Leader_WritesNothing() => Enum.GetValues<Area>().Where(a => Roles.MayWrite([Roles.Leader], a)).ShouldBeEmpty();

    [Theory]
    [InlineData(Roles.FinanceReviewer, true)]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.Reviewer, false)]
    [InlineData(Roles.CaseHandler, false)]
    public void ReadsAllUnits_OnlyFinanceAndAdministrator(string role, bool expected) => Roles.AnyReadsAllUnits([role]).ShouldBe(expected);

    [Fact]
    public void Get_UnknownRole_ListsTheRolesThatExist() =>
        Should.Throw<DomainException>(() => Roles.Get("boss")).Message.ShouldContain("case-handler（承办人）");
}

public sealed class MaskingTest
{
    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("0750-3501234", "075*****1234")]
    [InlineData("12345", "***45")]
    [InlineData("", "")]
    [InlineData(null, null)]
    public void MaskPhone_Table(string? phone, string? expected) => Masking.MaskPhone(phone).ShouldBe(expected);

    [Theory]
    [InlineData("44070319900307002X", "4407**********002X")]
    [InlineData("91440700MA4UXXXX1K", "9144**********XX1K")]
    [InlineData("1234", "****")]
    public void MaskIdNumber_Table(string id, string expected) => Masking.MaskIdNumber(id).ShouldBe(expected);
}

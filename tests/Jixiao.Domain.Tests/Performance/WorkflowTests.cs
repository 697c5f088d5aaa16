using Jixiao.Domain.Performance;

namespace Jixiao.Domain.Tests.Performance;

public class WorkflowTests
{
    [Theory]
    [InlineData(TargetDeclarationStatus.Draft, TargetDeclarationAction.Submit, TargetDeclarationStatus.Submitted)]
    [InlineData(TargetDeclarationStatus.Submitted, TargetDeclarationAction.Approve, TargetDeclarationStatus.Approved)]
    [InlineData(TargetDeclarationStatus.Submitted, TargetDeclarationAction.Return, TargetDeclarationStatus.Returned)]
    [InlineData(TargetDeclarationStatus.Returned, TargetDeclarationAction.Submit, TargetDeclarationStatus.Submitted)]
    public void TargetApply_LegalTransition_NextStatus(TargetDeclarationStatus from, TargetDeclarationAction action, TargetDeclarationStatus to)
    {
        TargetDeclarationWorkflow.IsLegal(from, action).ShouldBeTrue();
        TargetDeclarationWorkflow.Apply(from, action, "请补充成本指标").ShouldBe(to);
    }

    [Theory]
    [InlineData(TargetDeclarationStatus.Draft, TargetDeclarationAction.Approve, "绩效目标当前状态为“草稿”，不能审核通过。请先修改后提交。")]
    [InlineData(TargetDeclarationStatus.Draft, TargetDeclarationAction.Return, "绩效目标当前状态为“草稿”，不能退回。请先修改后提交。")]
    [InlineData(TargetDeclarationStatus.Submitted, TargetDeclarationAction.Submit, "绩效目标当前状态为“已提交”，不能提交。已提交的绩效目标须由审核人审核通过或退回。")]
    [InlineData(TargetDeclarationStatus.Approved, TargetDeclarationAction.Submit, "绩效目标当前状态为“已审核通过”，不能提交。绩效目标已审核通过并锁定。")]
    [InlineData(TargetDeclarationStatus.Approved, TargetDeclarationAction.Return, "绩效目标当前状态为“已审核通过”，不能退回。绩效目标已审核通过并锁定。")]
    [InlineData(TargetDeclarationStatus.Approved, TargetDeclarationAction.Approve, "绩效目标当前状态为“已审核通过”，不能审核通过。绩效目标已审核通过并锁定。")]
    [InlineData(TargetDeclarationStatus.Returned, TargetDeclarationAction.Approve, "绩效目标当前状态为“已退回”，不能审核通过。请先修改后提交。")]
    public void TargetApply_IllegalTransition_RefusedWithMessage(TargetDeclarationStatus from, TargetDeclarationAction action, string message)
    {
        TargetDeclarationWorkflow.IsLegal(from, action).ShouldBeFalse();
        Should.Throw<DomainException>(() => TargetDeclarationWorkflow.Apply(from, action, "意见")).Message.ShouldBe(message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void TargetApply_ReturnWithoutComment_Refused(string? comment) =>
        Should.Throw<DomainException>(() => TargetDeclarationWorkflow.Apply(TargetDeclarationStatus.Submitted, TargetDeclarationAction.Return, comment))
            .Message.ShouldBe("退回绩效目标必须填写退回意见，说明需要修改的内容。");

    [Theory]
    [InlineData(TargetDeclarationStatus.Draft, true)]
    [InlineData(TargetDeclarationStatus.Returned, true)]
    [InlineData(TargetDeclarationStatus.Submitted, false)]
    [InlineData(TargetDeclarationStatus.Approved, false)]
    public void TargetIsEditable_Status_OnlyDraftOrReturned(TargetDeclarationStatus status, bool editable)
    {
        TargetDeclarationWorkflow.IsEditable(status).ShouldBe(editable);
        if (editable)
        {
            Should.NotThrow(() => TargetDeclarationWorkflow.EnsureEditable(status));
        }
        else
        {
            Should.Throw<DomainException>(() => TargetDeclarationWorkflow.EnsureEditable(status)).Message.ShouldContain("不能修改");
        }
    }

    [Fact]
    public void TargetEnsureEditable_Approved_SaysLocked() =>
        Should.Throw<DomainException>(() => TargetDeclarationWorkflow.EnsureEditable(TargetDeclarationStatus.Approved))
            .Message.ShouldBe("绩效目标当前状态为“已审核通过”，不能修改。绩效目标已审核通过并锁定。");

    [Theory]
    [InlineData(SelfEvaluationStatus.Draft, SelfEvaluationAction.Submit, SelfEvaluationStatus.Submitted)]
    [InlineData(SelfEvaluationStatus.Submitted, SelfEvaluationAction.Approve, SelfEvaluationStatus.Approved)]
    [InlineData(SelfEvaluationStatus.Submitted, SelfEvaluationAction.Return, SelfEvaluationStatus.Returned)]
    [InlineData(SelfEvaluationStatus.Returned, SelfEvaluationAction.Submit, SelfEvaluationStatus.Submitted)]
    [InlineData(SelfEvaluationStatus.Approved, SelfEvaluationAction.Confirm, SelfEvaluationStatus.Confirmed)]
    [InlineData(SelfEvaluationStatus.Approved, SelfEvaluationAction.ReturnByFinance, SelfEvaluationStatus.ReturnedByFinance)]
    [InlineData(SelfEvaluationStatus.ReturnedByFinance, SelfEvaluationAction.Submit, SelfEvaluationStatus.Submitted)]
    public void EvaluationApply_LegalTransition_NextStatus(SelfEvaluationStatus from, SelfEvaluationAction action, SelfEvaluationStatus to)
    {
        SelfEvaluationWorkflow.IsLegal(from, action).ShouldBeTrue();
        SelfEvaluationWorkflow.Apply(from, action, "请核对执行率").ShouldBe(to);
    }

    [Theory]
    [InlineData(SelfEvaluationStatus.Submitted, SelfEvaluationAction.Confirm, "绩效自评当前状态为“已提交”，不能财政确认。已提交的绩效自评须由单位审核人审核通过或退回。")]
    [InlineData(SelfEvaluationStatus.Draft, SelfEvaluationAction.Confirm, "绩效自评当前状态为“草稿”，不能财政确认。请先修改后提交。")]
    [InlineData(SelfEvaluationStatus.Approved, SelfEvaluationAction.Submit, "绩效自评当前状态为“单位已审核”，不能提交。单位已审核的绩效自评须由财政审核人确认或退回。")]
    [InlineData(SelfEvaluationStatus.Confirmed, SelfEvaluationAction.ReturnByFinance, "绩效自评当前状态为“财政已确认”，不能财政退回。绩效自评已经财政确认并锁定。")]
    [InlineData(SelfEvaluationStatus.Confirmed, SelfEvaluationAction.Submit, "绩效自评当前状态为“财政已确认”，不能提交。绩效自评已经财政确认并锁定。")]
    [InlineData(SelfEvaluationStatus.ReturnedByFinance, SelfEvaluationAction.Confirm, "绩效自评当前状态为“财政退回”，不能财政确认。请先修改后提交。")]
    public void EvaluationApply_IllegalTransition_RefusedWithMessage(SelfEvaluationStatus from, SelfEvaluationAction action, string message)
    {
        SelfEvaluationWorkflow.IsLegal(from, action).ShouldBeFalse();
        Should.Throw<DomainException>(() => SelfEvaluationWorkflow.Apply(from, action, "意见")).Message.ShouldBe(message);
    }

    [Theory]
    [InlineData(SelfEvaluationStatus.Submitted, SelfEvaluationAction.Return)]
    [InlineData(SelfEvaluationStatus.Approved, SelfEvaluationAction.ReturnByFinance)]
    public void EvaluationApply_ReturnWithoutComment_Refused(SelfEvaluationStatus from, SelfEvaluationAction action) =>
        Should.Throw<DomainException>(() => SelfEvaluationWorkflow.Apply(from, action, " "))
            .Message.ShouldBe("退回绩效自评必须填写退回意见，说明需要修改的内容。");

    [Theory]
    [InlineData(SelfEvaluationStatus.Draft, true)]
    [InlineData(SelfEvaluationStatus.Returned, true)]
    [InlineData(SelfEvaluationStatus.ReturnedByFinance, true)]
    [InlineData(SelfEvaluationStatus.Submitted, false)]
    [InlineData(SelfEvaluationStatus.Approved, false)]
    [InlineData(SelfEvaluationStatus.Confirmed, false)]
    public void EvaluationIsEditable_Status_OnlyDraftOrReturned(SelfEvaluationStatus status, bool editable)
    {
        SelfEvaluationWorkflow.IsEditable(status).ShouldBe(editable);
        if (!editable)
        {
            Should.Throw<DomainException>(() => SelfEvaluationWorkflow.EnsureEditable(status)).Message.ShouldContain("不能修改");
        }
    }
}

using Jixiao.Domain.Budget;
using Jixiao.Domain.Organization;
using Jixiao.Domain.Performance;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Performance;

/// <summary>
/// The budget of a project: initial lines (while the targets are editable), adjustments and
/// expenditures (until the self-evaluation is submitted).
/// </summary>
public sealed class EditBudget(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user)
{
    public Task SetInitialAsync(int projectId, FundSource source, decimal amount, CancellationToken cancellationToken = default) =>
        ChangeAsync(projectId, false, p => p.SetInitialBudget(source, amount), cancellationToken);

    public Task AddAdjustmentAsync(int projectId, AdjustmentKind kind, DateOnly date, decimal amount, string reason, string? documentNumber, FundSource source, CancellationToken cancellationToken = default) =>
        ChangeAsync(projectId, true, p => p.AddAdjustment(kind, date, amount, reason, documentNumber ?? string.Empty, source), cancellationToken);

    public Task RemoveAdjustmentAsync(int projectId, int adjustmentId, CancellationToken cancellationToken = default) =>
        ChangeAsync(projectId, true, p => p.RemoveAdjustment(adjustmentId), cancellationToken);

    public Task AddExpenditureAsync(int projectId, DateOnly date, decimal amount, string purpose, string? voucher, FundSource source, CancellationToken cancellationToken = default) =>
        ChangeAsync(projectId, true, p => p.AddExpenditure(date, amount, purpose, voucher, source), cancellationToken);

    public Task RemoveExpenditureAsync(int projectId, int expenditureId, CancellationToken cancellationToken = default) =>
        ChangeAsync(projectId, true, p => p.RemoveExpenditure(expenditureId), cancellationToken);

    /// <summary>Adds many expenditures in one transaction: all or none.</summary>
    public Task AddExpendituresAsync(int projectId, IReadOnlyList<(DateOnly Date, decimal Amount, string Purpose, string? Voucher, FundSource Source)> rows, CancellationToken cancellationToken = default) =>
        ChangeAsync(projectId, true, p =>
        {
            foreach (var r in rows)
            {
                p.AddExpenditure(r.Date, r.Amount, r.Purpose, r.Voucher, r.Source);
            }
        }, cancellationToken);

    private async Task ChangeAsync(int projectId, bool duringYear, Action<Project> change, CancellationToken cancellationToken)
    {
        user.RequireRole(Roles.PerformanceOfficer, Area.Performance, "填报预算和支出");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var project = await db.LoadProjectAsync(projectId, cancellationToken);
        if (duringYear && await db.EvaluationOfAsync(projectId, cancellationToken) is { IsEditable: false } evaluation)
        {
            throw new Domain.DomainException($"绩效自评已{SelfEvaluationWorkflow.Name(evaluation.Status)}，预算调整和支出不能再修改。");
        }

        change(project);
        await db.SaveChangesAsync(cancellationToken);
    }
}

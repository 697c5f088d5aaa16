using Jixiao.Domain.Budget;
using Jixiao.Domain.Organization;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Documents;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Performance;

/// <summary>
/// Expenditures of a project from Excel: a template to download, then all rows or none, with every
/// problem named by sheet, row and column.
/// </summary>
public sealed class ImportExpenditures(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user, EditBudget budget)
{
    public const string SheetName = "支出明细";

    public sealed class Row
    {
        public DateOnly Date { get; set; }

        public decimal Amount { get; set; }

        public string Purpose { get; set; } = string.Empty;

        public string? Voucher { get; set; }

        public FundSource Source { get; set; } = FundSource.CurrentYearAppropriation;
    }

    public static ImportSpec<Row> Spec(int year) => new(SheetName,
    [
        ImportColumn<Row>.Date("日期", (r, v) => r.Date = v, required: true, example: new DateOnly(year, 3, 15), help: $"须在项目年度 {year} 年内"),
        ImportColumn<Row>.Amount("金额（元）", (r, v) => r.Amount = v, required: true, example: 85_000m, help: "单位为元，最多两位小数；冲销填负数"),
        ImportColumn<Row>.Text("用途", (r, v) => r.Purpose = v, required: true, maxLength: 500, example: "市政府法律顾问服务费（第一季度）"),
        ImportColumn<Row>.Text("凭证号", (r, v) => r.Voucher = v, maxLength: 100, example: "记-20230315"),
        ImportColumn<Row>.Choice("资金来源", (r, v) => r.Source = v,
            [.. BudgetNames.FundSources.Select(s => (BudgetNames.Name(s), s)), ("上年结转", FundSource.CarryOver)], example: BudgetNames.Name(FundSource.CurrentYearAppropriation), help: "留空视为本年财政拨款"),
    ], maxRows: 50_000)
    {
        RowRule = r => r.Date.Year != year
            ? [("日期", $"{r.Date:yyyy-MM-dd} 不在项目年度 {year} 年内")]
            : r.Amount == 0 ? [("金额（元）", "金额不能为 0")] : [],
    };

    public async Task<byte[]> TemplateAsync(int projectId, CancellationToken cancellationToken = default) =>
        Spec(await YearOfAsync(projectId, cancellationToken)).Template();

    /// <returns>The number of expenditures added.</returns>
    public async Task<int> HandleAsync(int projectId, Stream xlsx, long? length, CancellationToken cancellationToken = default)
    {
        user.RequireRole(Roles.PerformanceOfficer, Area.Performance, "导入支出");
        var result = Spec(await YearOfAsync(projectId, cancellationToken)).Read(xlsx, length);
        result.ThrowIfFailed();
        await budget.AddExpendituresAsync(projectId, [.. result.Rows.Select(r => (r.Date, r.Amount, r.Purpose, r.Voucher, r.Source))], cancellationToken);
        return result.Rows.Count;
    }

    private async Task<int> YearOfAsync(int projectId, CancellationToken cancellationToken)
    {
        user.Require(Area.Performance);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Projects.Where(p => p.Id == projectId).Select(p => (int?)p.Year).FirstOrDefaultAsync(cancellationToken)
            ?? throw new Domain.NotFoundException($"项目 {projectId} 不存在或不在您的数据范围内。");
    }
}

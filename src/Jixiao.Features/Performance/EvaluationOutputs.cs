using Jixiao.Domain;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Organization;
using Jixiao.Domain.Performance;
using Jixiao.Domain.Scoring;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Documents;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Performance;

/// <summary>What to produce and in which format.</summary>
public enum OutputKind
{
    Table,
    Report,
}

public enum OutputFormat
{
    Xlsx,
    Docx,
    Pdf,
}

/// <summary>A produced file.</summary>
public sealed record OutputFile(byte[] Content, string FileName, string ContentType);

/// <summary>A project's score table and report, with the unit and code they are filed under.</summary>
public sealed record ProjectDocuments(string UnitName, string ProjectCode, OutputFile Table, OutputFile Report);

/// <summary>
/// "The table and the report" (表和报告) of a project's self-evaluation, in the official layouts:
/// figure parts from the budget, the indicators and the score; text parts from the evaluation.
/// </summary>
public sealed class EvaluationOutputs(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user, ScoringProfileStore profiles, PdfConverter pdf, TimeProvider clock,
    EvaluationFiguresLoader figuresLoader, Reports.ReportSentences sentences)
{
    public async Task<OutputFile> HandleAsync(int projectId, OutputKind kind, OutputFormat format, CancellationToken cancellationToken = default)
    {
        var l = await LoadAsync(projectId, cancellationToken);
        var (project, evaluation, unitName, score) = (l.Project, l.Evaluation, l.UnitName, l.Score);
        var baseName = $"{project.Year}年度{project.Name}";
        var budget = l.Figures.Budget;
        switch (kind, format)
        {
            case (OutputKind.Table, OutputFormat.Xlsx):
                return new(ScoreTableXlsx.Write(Table(project, evaluation, unitName, score, budget)), $"{baseName}_绩效自评表.xlsx", ScoreTableXlsx.ContentType);
            case (OutputKind.Table, OutputFormat.Docx):
                return new(ScoreTableDocx.Write(Table(project, evaluation, unitName, score, budget)), $"{baseName}_绩效自评表.docx", ScoreTableDocx.ContentType);
            case (OutputKind.Table, OutputFormat.Pdf):
                return new(await PdfAsync(ScoreTableDocx.Write(Table(project, evaluation, unitName, score, budget)), cancellationToken), $"{baseName}_绩效自评表.pdf", PdfConverter.ContentType);
            case (OutputKind.Report, OutputFormat.Docx):
                return new(ReportDocx.Write(Report(project, evaluation, unitName, score, budget, l.Sentences)), $"{baseName}_绩效自评报告.docx", ReportDocx.ContentType);
            case (OutputKind.Report, OutputFormat.Pdf):
                return new(await PdfAsync(ReportDocx.Write(Report(project, evaluation, unitName, score, budget, l.Sentences)), cancellationToken), $"{baseName}_绩效自评报告.pdf", PdfConverter.ContentType);
            default:
                throw new ValidationException([new("Format", "自评报告只能导出为 docx 或 pdf。")]);
        }
    }

    /// <summary>The same, for a project named by code and year (command line).</summary>
    public async Task<OutputFile> HandleAsync(string projectCode, int year, OutputKind kind, OutputFormat format, CancellationToken cancellationToken = default)
    {
        user.Require(Area.Performance);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await HandleAsync(await db.ProjectIdAsync(projectCode, year, cancellationToken), kind, format, cancellationToken);
    }

    /// <summary>
    /// The score table (xlsx) and the report (docx) of a project from one load of its figures, with the unit and code
    /// they are filed under (batch documents).
    /// </summary>
    public async Task<ProjectDocuments> BothAsync(int projectId, CancellationToken cancellationToken = default)
    {
        var l = await LoadAsync(projectId, cancellationToken);
        var baseName = $"{l.Project.Year}年度{l.Project.Name}";
        var budget = l.Figures.Budget;
        return new ProjectDocuments(l.UnitName, l.Project.Code,
            new(ScoreTableXlsx.Write(Table(l.Project, l.Evaluation, l.UnitName, l.Score, budget)), $"{baseName}_绩效自评表.xlsx", ScoreTableXlsx.ContentType),
            new(ReportDocx.Write(Report(l.Project, l.Evaluation, l.UnitName, l.Score, budget, l.Sentences)), $"{baseName}_绩效自评报告.docx", ReportDocx.ContentType));
    }

    /// <summary>
    /// The report checker over the report as it would be produced: slips in the text parts, and every number of a
    /// generated sentence that differs from its metric (an edited number, a stale sentence), are listed before anyone
    /// downloads the file.
    /// </summary>
    public async Task<IReadOnlyList<Domain.Reports.ReportFinding>> CheckReportAsync(int projectId, CancellationToken cancellationToken = default)
    {
        var l = await LoadAsync(projectId, cancellationToken);
        var report = Report(l.Project, l.Evaluation, l.UnitName, l.Score, l.Figures.Budget, l.Sentences);
        var text = string.Join('\n', report.Blocks.Select(b => b.Text));
        var findings = Domain.Reports.ReportChecker.Check(text, new Domain.Reports.ReportCheckOptions { ExecutionPoints = l.Score.Execution.Points });
        return [.. await sentences.CheckAsync(l.Sentences, l.Figures.Frozen, l.UnitCode, cancellationToken), .. findings];
    }

    private sealed record Loaded(Project Project, SelfEvaluation Evaluation, string UnitName, string UnitCode, EvaluationScore Score, EvaluationFigures Figures,
        IReadOnlyList<FigureSentence> Sentences);

    private async Task<byte[]> PdfAsync(byte[] docx, CancellationToken cancellationToken) =>
        pdf.IsAvailable
            ? await pdf.ConvertAsync(docx, cancellationToken)
            : throw new DomainException("服务器未安装 LibreOffice，不能生成 PDF；请导出 docx 后另存为 PDF，或由管理员安装 libreoffice-writer-nogui。");

    private async Task<Loaded> LoadAsync(int projectId, CancellationToken cancellationToken)
    {
        user.Require(Area.Performance);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var project = await db.LoadProjectAsync(projectId, cancellationToken, tracking: false);
        var evaluation = await db.SelfEvaluations.AsNoTracking().FirstOrDefaultAsync(e => e.ProjectId == projectId, cancellationToken)
            ?? throw new DomainException($"项目“{project.Name}”尚未开始绩效自评，没有自评表和报告。");
        var unit = await db.Units.Where(u => u.Id == project.UnitId).Select(u => new { u.Name, u.Code }).FirstAsync(cancellationToken);
        var profile = await profiles.GetAsync(evaluation.ProfileName, evaluation.ProfileVersion, cancellationToken);
        var figures = await figuresLoader.LoadAsync(project, evaluation, unit.Code, cancellationToken, compareWithLive: false);
        var (score, error) = GetProject.TryScore(project, evaluation, profile, figures);
        return score is null
            ? throw new DomainException("自评尚不完整，不能生成自评表和报告：" + error)
            : new Loaded(project, evaluation, unit.Name, unit.Code, score, figures, await sentences.CurrentAsync(project, evaluation, figures, unit.Code, cancellationToken));
    }

    /// <summary>The score table's content.</summary>
    public static ScoreTableDocument Table(Project project, SelfEvaluation evaluation, string unitName, EvaluationScore score, ProjectBudget budget)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(budget);
        var figures = budget.Figures();
        FundRow Row(FundFigures f, bool total) => new(
            total ? "年度资金总额" : "其中：" + f.Name, f.Initial, f.FullYear, f.Executed,
            total ? score.Execution.Points : null,
            f.RateAgainstFullYear.Percent is { } p ? $"{p:0.00}%" : "—",
            total ? score.Execution.Score : null);
        return new ScoreTableDocument(
            project.Year, project.Name, project.SupervisingDepartment, unitName, project.ResponsiblePerson, project.ResponsiblePhone,
            [Row(figures.Total, true), .. figures.BySource.Select(f => Row(f, false))],
            project.AnnualGoal ?? string.Empty,
            evaluation.GoalActual ?? string.Empty,
            [.. score.Indicators.Select(i => new IndicatorRow(
                IndicatorCatalogue.Name(i.Evaluation.Indicator.Level1), IndicatorCatalogue.Name(i.Evaluation.Indicator.Level2), i.Name,
                i.Evaluation.Indicator.TargetText, ScoreEvaluation.ActualText(i) ?? "—", i.Points, i.Score ?? 0m, i.Evaluation.DeviationReason))],
            score.Total, score.GradeName, (int)score.Execution.Points);
    }

    /// <summary>
    /// The report's content: the six parts, figure sentences from data (budget figures, and in part 三 the sentences
    /// generated from metrics), text parts from the evaluation.
    /// </summary>
    public ReportDocument Report(Project project, SelfEvaluation evaluation, string unitName, EvaluationScore score, ProjectBudget budget, IReadOnlyList<FigureSentence> figureSentences)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(figureSentences);
        var blocks = new List<ReportBlock>();
        void H1(string text) => blocks.Add(new(ReportBlockKind.Heading1, text));
        void H2(string text) => blocks.Add(new(ReportBlockKind.Heading2, text));
        void P(string? text)
        {
            foreach (var line in (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                blocks.Add(new(ReportBlockKind.Paragraph, line));
            }
        }

        var total = budget.Figures().Total;
        H1("一、项目概况");
        H2("（一）项目立项背景和依据");
        P(project.Basis);
        H2("（二）项目完成情况");
        P(evaluation.CompletionText);

        H1("二、项目组织实施情况");
        H2("（一）投入");
        P($"{project.Year}年度部门预算安排项目资金{Money.FormatWanYuanExact(total.Initial)}万元。"
            + string.Concat(budget.Adjustments.OrderBy(a => a.Date).Select(a =>
                $"{a.Date:yyyy年M月d日}，{(string.IsNullOrEmpty(a.DocumentNumber) ? string.Empty : $"根据《{a.DocumentNumber}》，")}{BudgetNames.Name(a.Kind)}{Money.FormatWanYuanExact(Math.Abs(a.Amount))}万元，原因：{a.Reason.TrimEnd('。')}。"))
            + (budget.Adjustments.Count > 0 ? $"调整后全年预算数为{Money.FormatWanYuanExact(total.FullYear)}万元。" : string.Empty));
        P(evaluation.InputText);
        H2("（二）过程");
        P($"全年实际支出{Money.FormatWanYuanExact(total.Executed)}万元，预算执行率{total.RateAgainstFullYear.PercentText}"
            + (total.Adjustments != 0 ? $"（按年初预算计算为{total.RateAgainstInitial.PercentText}）。" : "。"));
        P(evaluation.ProcessText);
        if (!string.IsNullOrWhiteSpace(evaluation.ManagementText))
        {
            H2("（三）管理");
            P(evaluation.ManagementText);
        }

        H1("三、项目绩效情况");
        foreach (var sentence in figureSentences)
        {
            P(sentence.Text);
        }

        P(string.Join("；", score.Indicators.Select(i => $"{i.Name}年度指标值{i.Evaluation.Indicator.TargetText}，实际完成{ScoreEvaluation.ActualText(i) ?? "未填报"}")) + "。");
        P(evaluation.PerformanceText);

        H1("四、项目主要做法和经验");
        P(evaluation.PracticesText);

        H1("五、存在问题及建议");
        P(evaluation.ProblemsText);
        foreach (var unmet in score.Indicators.Where(i => i.DeviationReasonRequired && !string.IsNullOrWhiteSpace(i.Evaluation.DeviationReason)))
        {
            P($"{unmet.Name}（年度指标值{unmet.Evaluation.Indicator.TargetText}，实际完成{ScoreEvaluation.ActualText(unmet)}）：{unmet.Evaluation.DeviationReason}");
        }

        H1("六、项目自评结论及得分");
        P($"根据项目绩效自评指标评分标准，该项目自评得分为{Rounding.Plain(score.Total)}分，等级为“{score.GradeName}”，具体自评情况见附表。");
        var date = evaluation.SubmittedAt is { } s ? DateOnly.FromDateTime(s.ToLocalTime()) : DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        return new ReportDocument($"{project.Year}年度{project.Name}项目支出绩效自评报告", unitName, date, blocks);
    }
}

using Jixiao.Domain.Budget;
using Jixiao.Domain.Metrics;
using Jixiao.Domain.Organization;
using Jixiao.Domain.Scoring;

namespace Jixiao.Domain.Performance;

/// <summary>
/// A funded project (项目) of one unit and one year: what it is, its budget lines, adjustments and
/// expenditures, and its performance targets (绩效目标) with their declaration workflow.
/// The full-year budget and the executed amount are derived (<see cref="Budget"/>), never typed.
/// </summary>
public sealed class Project : IUnitScoped
{
    private readonly List<ProjectBudgetLine> budgetLines = [];
    private readonly List<ProjectAdjustment> adjustments = [];
    private readonly List<ProjectExpenditure> expenditures = [];
    private readonly List<ProjectIndicator> indicators = [];

    private Project()
    {
        Code = Name = SupervisingDepartment = Category = string.Empty;
    }

    public Project(int unitId, string code, int year, ProjectDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        UnitId = unitId;
        Code = Text.Required(code, "项目编码", 32);
        if (year is < 2000 or > 2100)
        {
            throw new DomainException($"年度 {year} 无效。");
        }

        Year = year;
        TargetStatus = TargetDeclarationStatus.Draft;
        Apply(details);
    }

    public int Id { get; private set; }

    /// <summary>实施单位: the unit the project belongs to.</summary>
    public int UnitId { get; private set; }

    /// <summary>项目编码, unique within a year, e.g. 2023-SFJ-01.</summary>
    public string Code { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public int Year { get; private set; }

    /// <summary>主管部门, e.g. 江门市司法局.</summary>
    public string SupervisingDepartment { get; private set; } = string.Empty;

    /// <summary>项目类别, e.g. 专项业务费.</summary>
    public string Category { get; private set; } = string.Empty;

    /// <summary>项目负责人.</summary>
    public string? ResponsiblePerson { get; private set; }

    /// <summary>联系电话 (personal data: masked in lists).</summary>
    public string? ResponsiblePhone { get; private set; }

    /// <summary>立项背景和依据.</summary>
    public string? Basis { get; private set; }

    /// <summary>年度总体目标.</summary>
    public string? AnnualGoal { get; private set; }

    public TargetDeclarationStatus TargetStatus { get; private set; }

    /// <summary>The reviewer's comment when the targets were last returned.</summary>
    public string? TargetReturnComment { get; private set; }

    public IReadOnlyList<ProjectBudgetLine> BudgetLines => budgetLines;

    public IReadOnlyList<ProjectAdjustment> Adjustments => adjustments;

    public IReadOnlyList<ProjectExpenditure> Expenditures => expenditures;

    public IReadOnlyList<ProjectIndicator> Indicators => indicators;

    /// <summary>The budget as the rules see it: initial lines, adjustments, expenditures.</summary>
    public ProjectBudget Budget => BudgetFrom(Year, budgetLines, adjustments, expenditures);

    /// <summary>The budget of a project from its stored lines (also for lists that load lines without the project).</summary>
    public static ProjectBudget BudgetFrom(int year, IEnumerable<ProjectBudgetLine> lines, IEnumerable<ProjectAdjustment> adjustments, IEnumerable<ProjectExpenditure> expenditures) => new(
        year,
        [.. lines.Select(l => new BudgetLine(l.FundSource, l.Amount))],
        [.. adjustments.Select(a => new BudgetAdjustment(a.Kind, a.Date, a.Amount, a.Reason, a.DocumentNumber, a.FundSource))],
        [.. expenditures.Select(e => new Expenditure(e.Date, e.Amount, e.Purpose, e.Voucher, e.FundSource))]);

    public bool TargetsEditable => TargetDeclarationWorkflow.IsEditable(TargetStatus);

    public void UpdateDetails(ProjectDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        TargetDeclarationWorkflow.EnsureEditable(TargetStatus);
        Apply(details);
    }

    /// <summary>Sets the initial budget (年初预算数) of one fund source; 0 removes the line.</summary>
    public void SetInitialBudget(FundSource source, decimal amount)
    {
        TargetDeclarationWorkflow.EnsureEditable(TargetStatus);
        _ = new BudgetLine(source, amount);
        budgetLines.RemoveAll(l => l.FundSource == source);
        if (amount != 0)
        {
            budgetLines.Add(new ProjectBudgetLine(UnitId, source, amount));
        }
    }

    public ProjectAdjustment AddAdjustment(AdjustmentKind kind, DateOnly date, decimal amount, string reason, string documentNumber, FundSource source)
    {
        RequireInYear(date, "调整日期");
        _ = new BudgetAdjustment(kind, date, amount, reason, documentNumber, source);
        var adjustment = new ProjectAdjustment(UnitId, kind, date, amount, reason.Trim(), documentNumber?.Trim() ?? string.Empty, source);
        adjustments.Add(adjustment);
        return adjustment;
    }

    public void RemoveAdjustment(int adjustmentId)
    {
        if (adjustments.RemoveAll(a => a.Id == adjustmentId) == 0)
        {
            throw new NotFoundException($"预算调整记录 {adjustmentId} 不存在。");
        }
    }

    public ProjectExpenditure AddExpenditure(DateOnly date, decimal amount, string purpose, string? voucher, FundSource source)
    {
        RequireInYear(date, "支出日期");
        _ = new Expenditure(date, amount, purpose, voucher ?? string.Empty, source);
        var expenditure = new ProjectExpenditure(UnitId, date, amount, purpose.Trim(), voucher?.Trim() ?? string.Empty, source);
        expenditures.Add(expenditure);
        return expenditure;
    }

    public void RemoveExpenditure(int expenditureId)
    {
        if (expenditures.RemoveAll(e => e.Id == expenditureId) == 0)
        {
            throw new NotFoundException($"支出记录 {expenditureId} 不存在。");
        }
    }

    public ProjectIndicator AddIndicator(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        TargetDeclarationWorkflow.EnsureEditable(TargetStatus);
        if (indicators.Any(i => i.Name == indicator.Name.Trim()))
        {
            throw new DomainException($"三级指标“{indicator.Name}”已存在。");
        }

        var entity = new ProjectIndicator(UnitId, indicator, indicators.Count == 0 ? 1 : indicators.Max(i => i.SortOrder) + 1);
        indicators.Add(entity);
        return entity;
    }

    public void UpdateIndicator(int indicatorId, Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        TargetDeclarationWorkflow.EnsureEditable(TargetStatus);
        var entity = FindIndicator(indicatorId);
        if (indicators.Any(i => i.Id != indicatorId && i.Name == indicator.Name.Trim()))
        {
            throw new DomainException($"三级指标“{indicator.Name}”已存在。");
        }

        entity.Define(indicator);
    }

    public void RemoveIndicator(int indicatorId)
    {
        TargetDeclarationWorkflow.EnsureEditable(TargetStatus);
        indicators.Remove(FindIndicator(indicatorId));
    }

    public ProjectIndicator FindIndicator(int indicatorId) =>
        indicators.FirstOrDefault(i => i.Id == indicatorId) ?? throw new NotFoundException($"指标 {indicatorId} 不存在。");

    /// <summary>The declaration check (申报审核) under a profile, with last year's actuals for the 偏低 warning.</summary>
    public IReadOnlyList<DeclarationProblem> CheckDeclaration(ScoringProfile profile, IReadOnlyDictionary<string, decimal>? lastYearActuals = null) =>
        DeclarationCheck.Check([.. indicators.OrderBy(i => i.SortOrder).Select(i => i.ToIndicator())], profile, lastYearActuals);

    /// <summary>提交绩效目标: refused while the declaration check reports an error.</summary>
    public void SubmitTargets(IReadOnlyList<DeclarationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (budgetLines.Count == 0)
        {
            throw new DomainException("尚未填写年初预算，不能提交绩效目标。");
        }

        var errors = problems.Where(p => p.Severity == ProblemSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new ValidationException([.. errors.Select(e => new ValidationProblem(e.IndicatorName ?? "绩效目标", e.Message))]);
        }

        TargetStatus = TargetDeclarationWorkflow.Apply(TargetStatus, TargetDeclarationAction.Submit);
    }

    public void ApproveTargets() => TargetStatus = TargetDeclarationWorkflow.Apply(TargetStatus, TargetDeclarationAction.Approve);

    public void ReturnTargets(string comment)
    {
        TargetStatus = TargetDeclarationWorkflow.Apply(TargetStatus, TargetDeclarationAction.Return, comment);
        TargetReturnComment = comment.Trim();
    }

    /// <summary>"Copy from last year": a new project of the next year with the texts and targets, figures blank.</summary>
    public Project CopyToYear(int year, string code)
    {
        var copy = new Project(UnitId, code, year, new ProjectDetails(Name, SupervisingDepartment, Category, ResponsiblePerson, ResponsiblePhone, Basis, AnnualGoal));
        foreach (var indicator in indicators.OrderBy(i => i.SortOrder))
        {
            var added = copy.AddIndicator(indicator.ToIndicator());
            if (indicator.Metric is { } metric)
            {
                var period = metric.Period.WholeYear is not null ? MetricPeriod.Year(year) : metric.Period;
                added.FeedFrom(metric with { Period = period }, null);
            }
        }

        return copy;
    }

    private void Apply(ProjectDetails details)
    {
        Name = Text.Required(details.Name, "项目名称", 200);
        SupervisingDepartment = Text.Required(details.SupervisingDepartment, "主管部门", 100);
        Category = Text.Optional(details.Category, 50) ?? "项目支出";
        ResponsiblePerson = Text.Optional(details.ResponsiblePerson, 32);
        ResponsiblePhone = Text.Optional(details.ResponsiblePhone, 20);
        Basis = Text.Optional(details.Basis, 20_000);
        AnnualGoal = Text.Optional(details.AnnualGoal, 20_000);
    }

    private void RequireInYear(DateOnly date, string field)
    {
        if (date.Year != Year)
        {
            throw new DomainException($"{field} {date:yyyy-MM-dd} 不在项目年度 {Year} 年内。");
        }
    }
}

/// <summary>The metric an indicator's actual is taken from: a key of the catalogue, 本级/含下级 of the project's unit, a period.</summary>
public sealed record IndicatorMetric(string Key, MetricScope Scope, MetricPeriod Period);

/// <summary>The descriptive fields of a project.</summary>
public sealed record ProjectDetails(string Name, string SupervisingDepartment, string? Category, string? ResponsiblePerson, string? ResponsiblePhone, string? Basis, string? AnnualGoal);

/// <summary>年初预算 of one fund source.</summary>
public sealed class ProjectBudgetLine : IUnitScoped
{
    private ProjectBudgetLine()
    {
    }

    internal ProjectBudgetLine(int unitId, FundSource source, decimal amount)
    {
        UnitId = unitId;
        FundSource = source;
        Amount = amount;
    }

    public int Id { get; private set; }

    public int ProjectId { get; private set; }

    public int UnitId { get; private set; }

    public FundSource FundSource { get; private set; }

    public decimal Amount { get; private set; }
}

/// <summary>预算调整: 追加, 压减 or 调剂, with its date, reason and document number.</summary>
public sealed class ProjectAdjustment : IUnitScoped
{
    private ProjectAdjustment()
    {
        Reason = DocumentNumber = string.Empty;
    }

    internal ProjectAdjustment(int unitId, AdjustmentKind kind, DateOnly date, decimal amount, string reason, string documentNumber, FundSource source)
    {
        UnitId = unitId;
        Kind = kind;
        Date = date;
        Amount = amount;
        Reason = reason;
        DocumentNumber = documentNumber;
        FundSource = source;
    }

    public int Id { get; private set; }

    public int ProjectId { get; private set; }

    public int UnitId { get; private set; }

    public AdjustmentKind Kind { get; private set; }

    public DateOnly Date { get; private set; }

    public decimal Amount { get; private set; }

    public string Reason { get; private set; }

    public string DocumentNumber { get; private set; }

    public FundSource FundSource { get; private set; }
}

/// <summary>支出: date, amount, purpose, voucher number.</summary>
public sealed class ProjectExpenditure : IUnitScoped
{
    private ProjectExpenditure()
    {
        Purpose = Voucher = string.Empty;
    }

    internal ProjectExpenditure(int unitId, DateOnly date, decimal amount, string purpose, string voucher, FundSource source)
    {
        UnitId = unitId;
        Date = date;
        Amount = amount;
        Purpose = purpose;
        Voucher = voucher;
        FundSource = source;
    }

    public int Id { get; private set; }

    public int ProjectId { get; private set; }

    public int UnitId { get; private set; }

    public DateOnly Date { get; private set; }

    public decimal Amount { get; private set; }

    public string Purpose { get; private set; }

    public string Voucher { get; private set; }

    public FundSource FundSource { get; private set; }
}

/// <summary>
/// A level-3 indicator as declared (target) and, at evaluation, as achieved (actual, band and score
/// chosen by the evaluator, deviation reason, the reviewer's deduction).
/// </summary>
public sealed class ProjectIndicator : IUnitScoped
{
    private ProjectIndicator()
    {
        Name = string.Empty;
    }

    internal ProjectIndicator(int unitId, Indicator indicator, int sortOrder)
    {
        UnitId = unitId;
        SortOrder = sortOrder;
        Define(indicator);
    }

    public int Id { get; private set; }

    public int ProjectId { get; private set; }

    public int UnitId { get; private set; }

    public int SortOrder { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public IndicatorLevel2 Level2 { get; private set; }

    public IndicatorKind Kind { get; private set; }

    public IndicatorDirection? Direction { get; private set; }

    public decimal? Target { get; private set; }

    public string? Unit { get; private set; }

    public string? QualitativeTarget { get; private set; }

    public decimal Points { get; private set; }

    public bool NotApplicable { get; private set; }

    /// <summary>实际完成值 of a quantitative indicator.</summary>
    public decimal? Actual { get; private set; }

    /// <summary>实际完成情况 as text (qualitative indicators, or a note beside the number).</summary>
    public string? ActualText { get; private set; }

    public QualitativeBand? Band { get; private set; }

    public decimal? QualitativeScore { get; private set; }

    /// <summary>偏差原因分析及改进措施.</summary>
    public string? DeviationReason { get; private set; }

    public decimal? DeductionPoints { get; private set; }

    public string? DeductionReason { get; private set; }

    /// <summary>The metric of the catalogue the actual is taken from (e.g. <c>reconsideration.received</c>); none for a manual actual.</summary>
    public string? MetricKey { get; private set; }

    /// <summary>本级 or 含下级 of the project's unit, for <see cref="MetricKey"/>.</summary>
    public MetricScope? MetricScope { get; private set; }

    public DateOnly? MetricFrom { get; private set; }

    public DateOnly? MetricTo { get; private set; }

    /// <summary>数据来源: required when a manual actual replaces the metric's value.</summary>
    public string? ActualSource { get; private set; }

    /// <summary>The metric the actual is taken from, if any.</summary>
    public IndicatorMetric? Metric => MetricKey is { } key && MetricScope is { } scope && MetricFrom is { } from && MetricTo is { } to
        ? new IndicatorMetric(key, scope, new MetricPeriod(from, to))
        : null;

    /// <summary>True when the actual comes from the metric (no manual value replaces it).</summary>
    public bool FedByMetric => MetricKey is not null && Actual is null && !NotApplicable;

    public Indicator ToIndicator() => new(Name, Level2, Kind, Points, Direction, Target, Unit, QualitativeTarget, NotApplicable);

    /// <summary>The indicator as scored; <paramref name="metricValue"/> is the value of its metric when it is fed by one.</summary>
    public IndicatorEvaluation ToEvaluation(decimal? metricValue = null) => new(
        ToIndicator(), FedByMetric ? metricValue : Actual, Band, QualitativeScore, DeviationReason,
        DeductionPoints is { } p && p > 0 ? new ReviewerDeduction(p, DeductionReason ?? string.Empty) : null);

    internal void Define(Indicator indicator)
    {
        Name = Text.Required(indicator.Name, "三级指标名称", 200);
        if (indicator.Points < 0 || indicator.Points > 100)
        {
            throw new DomainException($"指标“{Name}”的分值 {indicator.Points} 无效：应在 0 到 100 之间。");
        }

        Level2 = indicator.Level2;
        Kind = indicator.Kind;
        Points = indicator.Points;
        NotApplicable = indicator.NotApplicable;
        Direction = indicator.Kind == IndicatorKind.Quantitative ? indicator.Direction : null;
        Target = indicator.Kind == IndicatorKind.Quantitative ? indicator.Target : null;
        Unit = indicator.Kind == IndicatorKind.Quantitative ? Text.Optional(indicator.Unit, 20) : null;
        QualitativeTarget = indicator.Kind == IndicatorKind.Qualitative ? Text.Optional(indicator.QualitativeTarget, 500) : null;
    }

    /// <summary>
    /// Takes the actual from a metric of the catalogue (取自统计指标), or, with null, makes it a manual actual again.
    /// The caller checks that the key exists and passes its unit.
    /// </summary>
    /// <remarks>A percent metric feeds only an indicator measured in %, a count only one that is not.</remarks>
    public void FeedFrom(IndicatorMetric? metric, MetricUnit? unit)
    {
        if (metric is null)
        {
            MetricKey = null;
            MetricScope = null;
            MetricFrom = MetricTo = null;
            return;
        }

        if (Kind != IndicatorKind.Quantitative)
        {
            throw new DomainException($"定性指标“{Name}”不能取自统计指标。");
        }

        var percent = Unit is "%" or "％";
        if (unit == MetricUnit.Percent && !percent)
        {
            throw new DomainException($"统计指标“{metric.Key}”是比率（%），指标“{Name}”的计量单位是“{Unit}”，二者不一致。");
        }

        if (unit == MetricUnit.Count && percent)
        {
            throw new DomainException($"统计指标“{metric.Key}”是件数，指标“{Name}”的计量单位是 %，二者不一致。");
        }

        var period = metric.Period.Validated();
        MetricKey = metric.Key;
        MetricScope = metric.Scope;
        MetricFrom = period.From;
        MetricTo = period.To;
        Actual = null;
        ActualSource = null;
    }

    /// <summary>Records what was achieved; the self-evaluation must be editable (checked by the caller's aggregate).</summary>
    /// <remarks>
    /// An indicator fed by a metric needs no actual; a manual actual given for it replaces the metric's value and must
    /// name its source (数据来源).
    /// </remarks>
    public void RecordActual(decimal? actual, string? actualText, QualitativeBand? band, decimal? qualitativeScore, string? deviationReason, string? actualSource = null)
    {
        if (Kind == IndicatorKind.Quantitative && actual is null && !NotApplicable && MetricKey is null)
        {
            throw new DomainException($"请填写指标“{Name}”的实际完成值。");
        }

        if (MetricKey is not null && actual is not null && string.IsNullOrWhiteSpace(actualSource))
        {
            throw new DomainException($"指标“{Name}”取自统计指标，手工填写实际完成值时须注明数据来源。");
        }

        if (Kind == IndicatorKind.Qualitative && !NotApplicable && (band is null || qualitativeScore is null))
        {
            throw new DomainException($"请为定性指标“{Name}”选择达成档次并给出得分。");
        }

        Actual = Kind == IndicatorKind.Quantitative ? actual : null;
        ActualText = Text.Optional(actualText, 500);
        Band = Kind == IndicatorKind.Qualitative ? band : null;
        QualitativeScore = Kind == IndicatorKind.Qualitative ? qualitativeScore : null;
        DeviationReason = Text.Optional(deviationReason, 2000);
        ActualSource = Actual is null ? null : Text.Optional(actualSource, 500);
    }

    /// <summary>The reviewer's deduction (审核扣分) with its reason; 0 removes it.</summary>
    public void SetDeduction(decimal points, string? reason)
    {
        if (points < 0 || points > Points)
        {
            throw new DomainException($"扣分 {points} 无效：应在 0 到该指标分值 {Points} 之间。");
        }

        if (points > 0 && string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("审核扣分必须写明理由。");
        }

        DeductionPoints = points == 0 ? null : points;
        DeductionReason = points == 0 ? null : reason!.Trim();
    }
}

internal static class Text
{
    public static string Required(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainException($"{field}不能为空。");
        }

        var trimmed = value.Trim();
        return trimmed.Length > maxLength ? throw new DomainException($"{field}不能超过 {maxLength} 个字。") : trimmed;
    }

    public static string? Optional(string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        return trimmed.Length > maxLength ? throw new DomainException($"内容不能超过 {maxLength} 个字。") : trimmed;
    }
}

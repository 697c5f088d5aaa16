using Jixiao.Domain.Organization;

namespace Jixiao.Domain.Assessment;

/// <summary>
/// A year's assessment scheme (法治建设考评办法及标准) of a unit, e.g. 2023年度法治江门建设考评: its sections (板块) and
/// indicators (具体指标) with points, grade thresholds, the assessing units (考评单位) and the units to be assessed.
/// </summary>
/// <remarks>
/// Indicator points within a section may not exceed the section's points, and the sections' points may not exceed the
/// scheme's full marks; a scheme is complete (方案分值已配平) when they add up exactly.
/// </remarks>
public sealed class AssessmentScheme : IUnitScoped
{
    public const int MaxName = 200;

    private readonly List<AssessmentSection> sections = [];
    private readonly List<AssessingUnit> assessors = [];
    private readonly List<AssessedUnit> targets = [];

    private AssessmentScheme()
    {
        Title = string.Empty;
    }

    public AssessmentScheme(int unitId, int year, string title, decimal fullMarks, GradeThresholds thresholds)
    {
        if (year is < 2000 or > 9999)
        {
            throw new DomainException($"考评年度{year}不正确。");
        }

        if (fullMarks <= 0)
        {
            throw new DomainException("方案满分应大于0。");
        }

        UnitId = unitId;
        Year = year;
        Title = Text(title, "方案名称", MaxName);
        FullMarks = fullMarks;
        SetThresholds(thresholds);
    }

    public int Id { get; private set; }

    /// <summary>The unit that runs the assessment (e.g. 江门市司法局 for the 市委依法治市办).</summary>
    public int UnitId { get; private set; }

    public int Year { get; private set; }

    public string Title { get; private set; }

    public decimal FullMarks { get; private set; }

    public decimal ExcellentFrom { get; private set; }

    public decimal GoodFrom { get; private set; }

    public decimal PassFrom { get; private set; }

    public GradeThresholds Thresholds => new(ExcellentFrom, GoodFrom, PassFrom);

    public IReadOnlyList<AssessmentSection> Sections => sections;

    public IReadOnlyList<AssessingUnit> Assessors => assessors;

    public IReadOnlyList<AssessedUnit> Targets => targets;

    public IEnumerable<AssessmentIndicator> Indicators => sections.OrderBy(s => s.Sort).SelectMany(s => s.Indicators.OrderBy(i => i.Sort));

    /// <summary>The sum of the sections' points.</summary>
    public decimal SectionPoints => sections.Sum(s => s.Points);

    /// <summary>True when the sections add up to the full marks and each section's indicators to its points.</summary>
    public bool Balanced => SectionPoints == FullMarks && sections.All(s => s.Balanced);

    public void SetThresholds(GradeThresholds thresholds)
    {
        var t = thresholds.Validated(FullMarks);
        (ExcellentFrom, GoodFrom, PassFrom) = (t.Excellent, t.Good, t.Pass);
    }

    public void Rename(string title) => Title = Text(title, "方案名称", MaxName);

    public AssessmentSection AddSection(string name, decimal points)
    {
        name = Text(name, "板块名称", 100);
        if (sections.Any(s => s.Name == name))
        {
            throw new DomainException($"板块“{name}”已存在。");
        }

        CheckSectionPoints(points, null);
        var section = new AssessmentSection(name, points, sections.Count == 0 ? 1 : sections.Max(s => s.Sort) + 1);
        sections.Add(section);
        return section;
    }

    public void ChangeSection(AssessmentSection section, string name, decimal points)
    {
        ArgumentNullException.ThrowIfNull(section);
        name = Text(name, "板块名称", 100);
        if (sections.Any(s => s != section && s.Name == name))
        {
            throw new DomainException($"板块“{name}”已存在。");
        }

        CheckSectionPoints(points, section);
        section.Change(name, points);
    }

    public void RemoveSection(AssessmentSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        if (section.Indicators.Count > 0)
        {
            throw new DomainException($"板块“{section.Name}”下还有{section.Indicators.Count}项指标，请先删除指标。");
        }

        sections.Remove(section);
    }

    public AssessingUnit AddAssessor(string name)
    {
        name = Text(name, "考评单位", 100);
        if (assessors.Any(a => a.Name == name))
        {
            throw new DomainException($"考评单位“{name}”已存在。");
        }

        var assessor = new AssessingUnit(name, assessors.Count + 1);
        assessors.Add(assessor);
        return assessor;
    }

    /// <summary>Adds a unit to be assessed (被考评单位).</summary>
    public AssessedUnit AddTarget(int unitId)
    {
        if (targets.Any(t => t.UnitId == unitId))
        {
            throw new DomainException("该单位已在被考评单位中。");
        }

        var target = new AssessedUnit(unitId);
        targets.Add(target);
        return target;
    }

    public bool IsTarget(int unitId) => targets.Any(t => t.UnitId == unitId);

    /// <summary>Adds an indicator to a section; its points may not take the section over its points.</summary>
    public AssessmentIndicator AddIndicator(AssessmentSection section, string name, decimal points, AssessingUnit? assessor, string? method = null)
    {
        ArgumentNullException.ThrowIfNull(section);
        if (!sections.Contains(section))
        {
            throw new DomainException("板块不属于该方案。");
        }

        return section.Add(Text(name, "指标名称", MaxName), points, assessor, Optional(method, "评分标准", 1000));
    }

    public void ChangeIndicator(AssessmentIndicator indicator, string name, decimal points, AssessingUnit? assessor, string? method)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var section = sections.FirstOrDefault(s => s.Indicators.Contains(indicator)) ?? throw new DomainException("指标不属于该方案。");
        section.Change(indicator, Text(name, "指标名称", MaxName), points, assessor, Optional(method, "评分标准", 1000));
    }

    public void RemoveIndicator(AssessmentIndicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var section = sections.FirstOrDefault(s => s.Indicators.Contains(indicator)) ?? throw new DomainException("指标不属于该方案。");
        section.Remove(indicator);
    }

    private void CheckSectionPoints(decimal points, AssessmentSection? changing)
    {
        if (points <= 0)
        {
            throw new DomainException("板块分值应大于0。");
        }

        var others = sections.Where(s => s != changing).Sum(s => s.Points);
        if (others + points > FullMarks)
        {
            throw new DomainException($"各板块分值合计{others + points}超过方案满分{FullMarks}。");
        }

        if (changing is not null && changing.IndicatorPoints > points)
        {
            throw new DomainException($"板块“{changing.Name}”的指标分值合计{changing.IndicatorPoints}已超过{points}。");
        }
    }

    internal static string Text(string value, string field, int max)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw new DomainException($"{field}不能为空。");
        }

        return text.Length > max ? throw new DomainException($"{field}不能超过{max}字。") : text;
    }

    internal static string? Optional(string? value, string field, int max)
    {
        var text = value?.Trim();
        return string.IsNullOrEmpty(text) ? null : text.Length > max ? throw new DomainException($"{field}不能超过{max}字。") : text;
    }
}

/// <summary>A section (板块) of a scheme, e.g. 法治政府建设, with its points and indicators.</summary>
public sealed class AssessmentSection
{
    private readonly List<AssessmentIndicator> indicators = [];

    private AssessmentSection()
    {
        Name = string.Empty;
    }

    internal AssessmentSection(string name, decimal points, int sort)
    {
        Name = name;
        Points = points;
        Sort = sort;
    }

    public int Id { get; private set; }

    public int SchemeId { get; private set; }

    public int Sort { get; private set; }

    public string Name { get; private set; }

    public decimal Points { get; private set; }

    public IReadOnlyList<AssessmentIndicator> Indicators => indicators;

    public decimal IndicatorPoints => indicators.Sum(i => i.Points);

    public bool Balanced => IndicatorPoints == Points;

    internal void Change(string name, decimal points) => (Name, Points) = (name, points);

    internal AssessmentIndicator Add(string name, decimal points, AssessingUnit? assessor, string? method)
    {
        CheckPoints(points, null);
        var indicator = new AssessmentIndicator(name, points, assessor, method, indicators.Count == 0 ? 1 : indicators.Max(i => i.Sort) + 1);
        indicators.Add(indicator);
        return indicator;
    }

    internal void Change(AssessmentIndicator indicator, string name, decimal points, AssessingUnit? assessor, string? method)
    {
        CheckPoints(points, indicator);
        indicator.Change(name, points, assessor, method);
    }

    internal void Remove(AssessmentIndicator indicator) => indicators.Remove(indicator);

    private void CheckPoints(decimal points, AssessmentIndicator? changing)
    {
        if (points <= 0 || decimal.Round(points, 2) != points)
        {
            throw new DomainException("指标分值应大于0，最多两位小数。");
        }

        var others = indicators.Where(i => i != changing).Sum(i => i.Points);
        if (others + points > Points)
        {
            throw new DomainException($"板块“{Name}”的指标分值合计{others + points}超过板块分值{Points}。");
        }
    }
}

/// <summary>An indicator (具体指标) with its points, scoring method and the unit that scores it.</summary>
public sealed class AssessmentIndicator
{
    private AssessmentIndicator()
    {
        Name = string.Empty;
    }

    internal AssessmentIndicator(string name, decimal points, AssessingUnit? assessor, string? method, int sort)
    {
        Sort = sort;
        Name = name;
        Change(name, points, assessor, method);
    }

    public int Id { get; private set; }

    public int SectionId { get; private set; }

    public int Sort { get; private set; }

    public string Name { get; private set; }

    public decimal Points { get; private set; }

    /// <summary>评分标准 (how points are deducted).</summary>
    public string? Method { get; private set; }

    public int? AssessorId { get; private set; }

    public AssessingUnit? Assessor { get; private set; }

    internal void Change(string name, decimal points, AssessingUnit? assessor, string? method)
    {
        (Name, Points, Method, Assessor) = (name, points, method, assessor);
        AssessorId = assessor?.Id is > 0 ? assessor.Id : AssessorId;
        if (assessor is null)
        {
            AssessorId = null;
        }
    }
}

/// <summary>An assessing unit (考评单位), e.g. 市委办公室, which scores some indicators.</summary>
public sealed class AssessingUnit
{
    private AssessingUnit()
    {
        Name = string.Empty;
    }

    internal AssessingUnit(string name, int sort) => (Name, Sort) = (name, sort);

    public int Id { get; private set; }

    public int SchemeId { get; private set; }

    public int Sort { get; private set; }

    public string Name { get; private set; }
}

/// <summary>A unit to be assessed (被考评单位) under a scheme: a county-level unit.</summary>
public sealed class AssessedUnit
{
    private AssessedUnit()
    {
    }

    internal AssessedUnit(int unitId) => UnitId = unitId;

    public int Id { get; private set; }

    public int SchemeId { get; private set; }

    public int UnitId { get; private set; }
}

/// <summary>One assessed unit's score (得分) on one indicator, with the assessing unit's note (扣分说明).</summary>
public sealed class AssessmentScore : IUnitScoped
{
    private AssessmentScore()
    {
    }

    /// <summary>A score for a unit to be assessed under the scheme, within the indicator's points.</summary>
    public AssessmentScore(AssessmentScheme scheme, AssessmentIndicator indicator, int unitId, decimal score, string? note)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(indicator);
        if (!scheme.IsTarget(unitId))
        {
            throw new DomainException("该单位不是本方案的被考评单位。");
        }

        if (!scheme.Indicators.Contains(indicator))
        {
            throw new DomainException("指标不属于该方案。");
        }

        SchemeId = scheme.Id;
        IndicatorId = indicator.Id;
        UnitId = unitId;
        Change(indicator, score, note);
    }

    public int Id { get; private set; }

    public int SchemeId { get; private set; }

    public int IndicatorId { get; private set; }

    /// <summary>The assessed unit.</summary>
    public int UnitId { get; private set; }

    public decimal Score { get; private set; }

    public string? Note { get; private set; }

    public void Change(AssessmentIndicator indicator, decimal score, string? note)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        Score = AssessmentRules.CheckScore(score, indicator.Points, indicator.Name);
        Note = AssessmentScheme.Optional(note, "扣分说明", 500);
    }
}

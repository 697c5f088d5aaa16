using Jixiao.Domain.Organization;

namespace Jixiao.Domain.Assessment;

/// <summary>The province's assessment of the city for a year (法治广东建设考评结果): grade and, when published, rank.</summary>
public sealed class ProvincialAssessment : IUnitScoped
{
    private ProvincialAssessment()
    {
    }

    public ProvincialAssessment(int unitId, int year, AssessmentGrade grade, int? rank, string? note)
    {
        UnitId = unitId;
        Year = year is < 2000 or > 9999 ? throw new DomainException($"考评年度{year}不正确。") : year;
        Change(grade, rank, note);
    }

    public int Id { get; private set; }

    /// <summary>The assessed city (its bureau that keeps the record).</summary>
    public int UnitId { get; private set; }

    public int Year { get; private set; }

    public AssessmentGrade Grade { get; private set; }

    /// <summary>Rank among the province's cities, when published.</summary>
    public int? Rank { get; private set; }

    public string? Note { get; private set; }

    public void Change(AssessmentGrade grade, int? rank, string? note)
    {
        if (!Enum.IsDefined(grade))
        {
            throw new DomainException("考评等次不正确。");
        }

        if (rank is < 1 or > 100)
        {
            throw new DomainException($"排名{rank}不正确，应为1至100。");
        }

        (Grade, Rank, Note) = (grade, rank, AssessmentScheme.Optional(note, "备注", 500));
    }

    /// <summary>
    /// The run of consecutive 优秀 years ending at the latest assessed year not after <paramref name="upToYear"/>
    /// (连续获评优秀): 2018–2022 all 优秀 gives five for 2023 when 2023 is not yet assessed.
    /// </summary>
    public static IReadOnlyList<T> ExcellentStreak<T>(IEnumerable<T> assessments, Func<T, int> year, Func<T, AssessmentGrade> grade, int upToYear)
    {
        var byYear = assessments.Where(a => year(a) <= upToYear).GroupBy(year).ToDictionary(g => g.Key, g => g.First());
        if (byYear.Count == 0)
        {
            return [];
        }

        var run = new List<T>();
        for (var y = byYear.Keys.Max(); byYear.TryGetValue(y, out var a) && grade(a) == AssessmentGrade.Excellent; y--)
        {
            run.Add(a);
        }

        return run;
    }
}

/// <summary>An advisory expert pool (依法治市咨询专家库) kept by a unit.</summary>
public sealed class ExpertPool : IUnitScoped
{
    private readonly List<Expert> members = [];

    private ExpertPool()
    {
        Name = string.Empty;
    }

    public ExpertPool(int unitId, string name, DateOnly establishedOn)
    {
        UnitId = unitId;
        Name = AssessmentScheme.Text(name, "专家库名称", 100);
        EstablishedOn = establishedOn;
    }

    public int Id { get; private set; }

    public int UnitId { get; private set; }

    public string Name { get; private set; }

    public DateOnly EstablishedOn { get; private set; }

    public IReadOnlyList<Expert> Members => members;

    public Expert Appoint(string name, string organization, string? title, string? field, string? phone, DateOnly appointedOn)
    {
        if (appointedOn < EstablishedOn)
        {
            throw new DomainException($"聘任日期{appointedOn:yyyy-MM-dd}早于专家库设立日期{EstablishedOn:yyyy-MM-dd}。");
        }

        var expert = new Expert(name, organization, title, field, phone, appointedOn);
        if (members.Any(m => m.Name == expert.Name && m.Organization == expert.Organization && m.LeftOn is null))
        {
            throw new DomainException($"专家“{expert.Name}”（{expert.Organization}）已在库中。");
        }

        members.Add(expert);
        return expert;
    }
}

/// <summary>A member of an expert pool, from appointment until leaving.</summary>
public sealed class Expert
{
    private Expert()
    {
        Name = string.Empty;
        Organization = string.Empty;
    }

    internal Expert(string name, string organization, string? title, string? field, string? phone, DateOnly appointedOn)
    {
        Name = AssessmentScheme.Text(name, "专家姓名", 64);
        Organization = AssessmentScheme.Text(organization, "工作单位", 100);
        Title = AssessmentScheme.Optional(title, "职称职务", 100);
        Field = AssessmentScheme.Optional(field, "专业领域", 100);
        Phone = AssessmentScheme.Optional(phone, "联系电话", 20);
        AppointedOn = appointedOn;
    }

    public int Id { get; private set; }

    public int PoolId { get; private set; }

    public string Name { get; private set; }

    public string Organization { get; private set; }

    public string? Title { get; private set; }

    public string? Field { get; private set; }

    public string? Phone { get; private set; }

    public DateOnly AppointedOn { get; private set; }

    public DateOnly? LeftOn { get; private set; }

    /// <summary>In the pool at some day of the period (聘任期与统计期间有交集).</summary>
    public bool ServesDuring(DateOnly from, DateOnly to) => AppointedOn <= to && (LeftOn is null || LeftOn >= from);

    public void Leave(DateOnly on)
    {
        if (LeftOn is not null)
        {
            throw new DomainException($"专家“{Name}”已于{LeftOn:yyyy-MM-dd}出库。");
        }

        LeftOn = on < AppointedOn ? throw new DomainException("出库日期不能早于聘任日期。") : on;
    }
}

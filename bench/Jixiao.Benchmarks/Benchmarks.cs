using BenchmarkDotNet.Attributes;
using Jixiao.Domain.Calendar;
using Jixiao.Domain.Reconsideration;
using Jixiao.Domain.Reports;
using Jixiao.Domain.Scoring;
using Jixiao.Infrastructure.Calendar;
using Jixiao.Infrastructure.Documents;

namespace Jixiao.Benchmarks;

/// <summary>Scoring one self-evaluation: the seed project's budget figures and fifteen indicators under national-2020.</summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private ScoringInput input = null!;

    [GlobalSetup]
    public void Setup() => input = SeedProject.Input();

    /// <summary>The engine alone, on the input ScoreEvaluation builds.</summary>
    [Benchmark]
    public EvaluationScore ScoreEvaluation() => ScoringEngine.Score(input, ScoringProfiles.National2020);

    /// <summary>Budget figures from the budget lines, adjustment and expenditures, then the score: what GetProject.TryScore does.</summary>
    [Benchmark]
    public EvaluationScore FiguresAndScore() => SeedProject.Score();
}

/// <summary>The deadline engine over 1,000,000 cases with the shipped working-day calendar.</summary>
[MemoryDiagnoser]
public class DeadlineBenchmarks
{
    public const int Cases = 1_000_000;
    private ReconsiderationFacts[] facts = null!;
    private WorkdayCalendar calendar = null!;

    [GlobalSetup]
    public void Setup()
    {
        calendar = WorkdayCalendarProvider.ShippedCalendar;
        facts = DeadlineFacts.Generate(Cases);
    }

    /// <summary>Every deadline of every case, as the case list computes them (ComputeAvailable), counting the overdue ones.</summary>
    [Benchmark]
    public int AllDeadlinesOfOneMillionCases()
    {
        var overdue = 0;
        foreach (var f in facts)
        {
            foreach (var d in ReconsiderationDeadlines.ComputeAvailable(f, DeadlineFacts.Today, calendar, out _))
            {
                if (d.Deadline.Status == DeadlineStatus.Overdue)
                {
                    overdue++;
                }
            }
        }

        return overdue;
    }
}

/// <summary>The report checker (jixiao check-report) on a report of about twenty pages.</summary>
[MemoryDiagnoser]
public class ReportCheckerBenchmarks
{
    private string text = null!;

    [GlobalSetup]
    public void Setup() => text = ReportTexts.TwentyPages();

    [Benchmark]
    public int CheckTwentyPageReport() => ReportChecker.Check(text).Count;
}

/// <summary>One score table (xlsx and docx) and one report (docx) of the seed project, from in-memory content.</summary>
[MemoryDiagnoser]
public class DocumentBenchmarks
{
    private ScoreTableDocument table = null!;
    private ReportDocument report = null!;

    [GlobalSetup]
    public void Setup()
    {
        table = SeedProject.Table();
        report = SeedProject.Report();
    }

    [Benchmark]
    public int ScoreTableXlsxFile() => ScoreTableXlsx.Write(table).Length;

    [Benchmark]
    public int ScoreTableDocxFile() => ScoreTableDocx.Write(table).Length;

    [Benchmark]
    public int ReportDocxFile() => ReportDocx.Write(report).Length;
}

using Jixiao.Domain.Calendar;
using Jixiao.Domain.Reconsideration;

namespace Jixiao.Domain.Tests.Reconsideration;

public sealed class AvailableDeadlinesTests
{
    // 2023 only: a case accepted in December has its decision deadline in 2024, outside this calendar.
    private static readonly WorkdayCalendar Calendar2023 = new([new WorkdayYear(2023, [new DayRange(new DateOnly(2023, 1, 21), new DateOnly(2023, 1, 27))], [new DateOnly(2023, 1, 28)])]);

    [Fact]
    public void ComputeAvailable_StepBeyondTheCalendar_KeepsTheOthersAndNamesTheMissingYear()
    {
        var facts = new ReconsiderationFacts(new DateOnly(2023, 12, 1)) { AcceptedOn = new DateOnly(2023, 12, 5) };
        Should.Throw<DomainException>(() => ReconsiderationDeadlines.Compute(facts, new DateOnly(2023, 12, 6), Calendar2023));

        var available = ReconsiderationDeadlines.ComputeAvailable(facts, new DateOnly(2023, 12, 6), Calendar2023, out var problems);
        available.Select(d => d.Step).ShouldContain(ReconsiderationStep.AcceptanceReview);
        available.Select(d => d.Step).ShouldContain(ReconsiderationStep.CopyToRespondent);
        available.ShouldNotContain(d => d.Step == ReconsiderationStep.Decision);
        problems.Single().ShouldContain("2024");
    }
}

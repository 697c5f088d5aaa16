using Jixiao.Domain;
using Jixiao.Domain.Calendar;
using static Jixiao.Domain.Tests.Calendar.TestCalendar;

namespace Jixiao.Domain.Tests.Calendar;

public class WorkdayCalendarTests
{
    [Theory]
    [InlineData("2023-01-20", true)]   // Friday before the Spring Festival
    [InlineData("2023-01-21", false)]  // 除夕, Saturday
    [InlineData("2023-01-23", false)]  // Monday inside the holiday
    [InlineData("2023-01-27", false)]
    [InlineData("2023-01-28", true)]   // 调休 Saturday
    [InlineData("2023-01-29", true)]   // 调休 Sunday
    [InlineData("2023-02-04", false)]  // ordinary Saturday
    [InlineData("2023-01-02", false)]  // New Year, Monday
    [InlineData("2024-02-04", true)]   // 调休 Sunday before the 2024 Spring Festival
    [InlineData("2024-02-12", false)]
    [InlineData("2024-02-18", true)]   // 调休 Sunday after it
    [InlineData("2024-10-12", true)]
    [InlineData("2025-02-08", true)]
    [InlineData("2026-02-23", false)]  // Monday inside the 2026 Spring Festival
    [InlineData("2026-02-24", true)]
    public void IsWorkingDay_Date_FollowsHolidayArrangement(string day, bool expected) =>
        China.IsWorkingDay(D(day)).ShouldBe(expected);

    [Theory]
    [InlineData("2023-01-19", 5, "2023-01-31")] // 1-20, 1-28, 1-29, 1-30, 1-31
    [InlineData("2023-01-19", 1, "2023-01-20")]
    [InlineData("2023-01-20", 1, "2023-01-28")]
    [InlineData("2024-02-07", 5, "2024-02-20")] // 2-08, 2-09, 2-18, 2-19, 2-20
    [InlineData("2024-02-02", 3, "2024-02-06")] // 2-04 (调休 Sunday), 2-05, 2-06
    [InlineData("2023-09-27", 7, "2023-10-12")] // 9-28, 10-07, 10-08 (调休), 10-09 … 10-12
    [InlineData("2023-01-31", -5, "2023-01-19")]
    [InlineData("2023-03-01", 0, "2023-03-01")]
    public void AddWorkingDays_AcrossHolidays_SkipsDaysOffAndCountsAdjustedWeekends(string start, int days, string expected) =>
        China.AddWorkingDays(D(start), days).ShouldBe(D(expected));

    [Theory]
    [InlineData("2023-01-19", "2023-01-31", 5)]
    [InlineData("2023-01-31", "2023-01-19", -5)]
    [InlineData("2023-01-20", "2023-01-27", 0)]
    [InlineData("2024-12-31", "2025-01-02", 1)]
    public void WorkingDaysBetween_TwoDates_CountsWorkingDaysAfterFirstUpToSecond(string from, string to, int expected) =>
        China.WorkingDaysBetween(D(from), D(to)).ShouldBe(expected);

    [Theory]
    [InlineData("2023-01-20", "2023-01-28")]
    [InlineData("2023-09-28", "2023-10-07")]
    [InlineData("2024-05-10", "2024-05-11")]
    public void NextWorkingDay_BeforeHoliday_IsFirstWorkingDayAfter(string day, string expected) =>
        China.NextWorkingDay(D(day)).ShouldBe(D(expected));

    [Theory]
    [InlineData("2023-06-11", "2023-06-12")]
    [InlineData("2023-10-01", "2023-10-07")]
    [InlineData("2023-10-09", "2023-10-09")]
    public void OnOrNextWorkingDay_DayOff_MovesToNextWorkingDay(string day, string expected) =>
        China.OnOrNextWorkingDay(D(day)).ShouldBe(D(expected));

    [Theory]
    [InlineData("2022-12-30")]
    [InlineData("2027-01-04")]
    public void IsWorkingDay_YearNotInCalendar_RefusesWithClearMessage(string day)
    {
        var e = Should.Throw<DomainException>(() => China.IsWorkingDay(D(day)));
        e.Message.ShouldContain($"工作日历未包含{D(day).Year}年的节假日安排");
        e.Message.ShouldContain("2023、2024、2025、2026");
    }

    [Fact]
    public void AddWorkingDays_RunsIntoMissingYear_Refuses() =>
        Should.Throw<DomainException>(() => China.AddWorkingDays(D("2026-12-28"), 5)).Message.ShouldContain("2027年");

    [Fact]
    public void Years_ParsedJson_AreTheFourYears()
    {
        China.Years.ShouldBe([2023, 2024, 2025, 2026]);
        China.Arrangements.First().Source.ShouldBe("国办发明电〔2022〕16号, 2022-12-08");
    }

    [Fact]
    public void WithYear_NewArrangement_CoversTheYear()
    {
        var y2027 = new WorkdayYear(2027, [new DayRange(D("2027-01-01"), D("2027-01-03"))], []);
        var calendar = China.WithYear(y2027);
        calendar.IsWorkingDay(D("2027-01-04")).ShouldBeTrue();
        calendar.IsWorkingDay(D("2027-01-01")).ShouldBeFalse();
        China.Covers(D("2027-01-04")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("{", "工作日历不是有效的JSON")]
    [InlineData("{}", "工作日历缺少“years”对象。")]
    [InlineData("""{"years": {"abc": {"off": [], "work": []}}}""", "工作日历中的年度“abc”不是数字。")]
    [InlineData("""{"years": {"2027": {"work": []}}}""", "工作日历2027年缺少“off”数组。")]
    [InlineData("""{"years": {"2027": {"off": [["2027-01-01"]], "work": []}}}""", "应为[开始日, 结束日]")]
    [InlineData("""{"years": {"2027": {"off": [["2027/01/01", "2027-01-03"]], "work": []}}}""", "不是yyyy-MM-dd格式")]
    [InlineData("""{"years": {"2027": {"off": [["2027-01-03", "2027-01-01"]], "work": []}}}""", "结束日早于开始日")]
    [InlineData("""{"years": {"2027": {"off": [], "work": ["2027-01-04"]}}}""", "调休上班日2027-01-04不是周末")]
    public void Parse_BadJson_RefusesWithReason(string json, string reason) =>
        Should.Throw<DomainException>(() => WorkdayCalendarJson.Parse(json)).Message.ShouldContain(reason);
}

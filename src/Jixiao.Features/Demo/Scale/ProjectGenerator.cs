using System.Globalization;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Performance;
using Jixiao.Domain.Scoring;

namespace Jixiao.Features.Demo.Scale;

/// <summary>
/// Builds the funded projects of a unit and year through the domain: initial budget, sometimes an adjustment, the
/// year's expenditures (most of the budget spent), targets that pass the declaration check of the default profile
/// (产出 50, 效益 30, 满意度 10) and are approved, and, for a finished year, the actuals of the self-evaluation.
/// </summary>
internal sealed class ProjectGenerator(Random random, DateOnly end)
{
    /// <summary>A kind of project: its name, and the output and effect indicators it declares.</summary>
    private sealed record Kind(string Name, string QuantityName, string QuantityUnit, int QuantityBase, string SecondName, string SecondUnit, int SecondBase,
        string QualityName, decimal QualityTarget, string TimelinessName, string BenefitName, string BenefitUnit, int BenefitBase, string Sustainability);

    private static readonly Kind[] Kinds =
    [
        new("行政复议工作经费", "办理行政复议案件数量", "件", 300, "组织听证、调解场次", "场", 30, "行政复议调撤率", 25m, "案件按期审结率", "行政争议实质性化解数量", "件", 60, "行政复议公信力持续提升"),
        new("行政应诉工作经费", "办理行政应诉案件数量", "件", 150, "出庭应诉培训场次", "场", 6, "行政机关负责人出庭应诉率", 95m, "答辩状按期提交率", "旁听庭审人次", "人次", 200, "依法行政水平有提高"),
        new("法治宣传教育经费", "开展法治宣传活动场次", "场", 80, "建设法治文化阵地数量", "个", 5, "普法活动群众参与率", 80m, "普法计划按期完成率", "受众人次", "万人次", 5, "公民法治素养持续提升"),
        new("法律援助经费", "办结法律援助案件数量", "件", 400, "法律援助工作站数量", "个", 10, "法律援助案件质量评查合格率", 95m, "法律援助案件按期指派率", "为受援人挽回经济损失", "万元", 300, "法律援助服务体系更加健全"),
        new("公共法律服务体系建设经费", "公共法律服务工作站（室）数量", "个", 20, "提供法律咨询人次", "人次", 3000, "服务规范化达标率", 90m, "服务事项按期办结率", "化解矛盾纠纷数量", "件", 150, "公共法律服务网络覆盖持续完善"),
        new("人民调解工作经费", "调解矛盾纠纷数量", "件", 600, "人民调解员培训人次", "人次", 200, "调解成功率", 90m, "调解案件按期办结率", "防止民转刑案件数量", "件", 10, "基层社会治理水平有提高"),
        new("社区矫正工作经费", "在册社区矫正对象人数", "人", 150, "开展教育帮扶活动次数", "次", 24, "社区矫正对象重新犯罪率控制达标率", 100m, "入矫报到及时率", "帮扶就业人数", "人", 20, "社区矫正工作规范化水平提升"),
        new("规范性文件审查和法律顾问经费", "审核规范性文件数量", "件", 40, "法律顾问出具法律意见数量", "件", 120, "规范性文件备案审查纠错率", 100m, "审核意见按期出具率", "防范法律风险事项数量", "件", 30, "依法决策水平有提高"),
    ];

    private static readonly string[] Months = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];

    /// <summary>A project of the unit and year; <paramref name="scale"/> sizes its targets and budget to the unit's caseload.</summary>
    public (Project Project, bool Evaluated) Build(GeneratedUnit unit, int year, int sequence, decimal scale)
    {
        var kind = Kinds[random.Next(Kinds.Length)];
        var person = CaseGenerator.PersonName(random);
        var code = $"{year}-{unit.Plan.Code}-{sequence:000}";
        var project = new Project(unit.Id, code, year, new ProjectDetails(
            $"{unit.Plan.ShortName}{kind.Name}", unit.Plan.Name, "专项业务费", person, "0" + random.Next(200, 999).ToString(CultureInfo.InvariantCulture) + "-" + random.Next(2_000_000, 8_999_999).ToString(CultureInfo.InvariantCulture),
            $"根据《{unit.Plan.Name}职能配置、内设机构和人员编制规定》及年度工作要点设立。", $"完成年度{kind.Name.Replace("经费", string.Empty, StringComparison.Ordinal)}各项任务，服务保障法治建设。"));
        var budget = Math.Round((80_000m + (decimal)random.NextDouble() * 1_500_000m * Math.Max(scale, 0.2m)) / 1000m, 0) * 1000m;
        project.SetInitialBudget(FundSource.CurrentYearAppropriation, budget);
        int Target(int baseline) => Math.Max(1, (int)Math.Round(baseline * Math.Max(scale, 0.1m) * (0.8m + (decimal)random.NextDouble() * 0.4m)));
        var quantity = Target(kind.QuantityBase);
        var second = Target(kind.SecondBase);
        var benefit = Target(kind.BenefitBase);
        var indicators = new[]
        {
            Indicator.AtLeast(kind.QuantityName, IndicatorLevel2.Quantity, 20, quantity, kind.QuantityUnit),
            Indicator.AtLeast(kind.SecondName, IndicatorLevel2.Quantity, 10, second, kind.SecondUnit),
            Indicator.AtLeast(kind.QualityName, IndicatorLevel2.Quality, 10, kind.QualityTarget, "%"),
            Indicator.Exactly(kind.TimelinessName, IndicatorLevel2.Timeliness, 10, 100, "%"),
            Indicator.AtLeast(kind.BenefitName, IndicatorLevel2.SocialBenefit, 20, benefit, kind.BenefitUnit),
            Indicator.Qualitative(kind.Sustainability.Replace("持续提升", "长效机制", StringComparison.Ordinal), IndicatorLevel2.Sustainability, 10, kind.Sustainability),
            Indicator.AtLeast("服务对象满意度", IndicatorLevel2.ServiceSatisfaction, 10, 90, "%"),
        };
        foreach (var indicator in indicators)
        {
            project.AddIndicator(indicator);
        }

        project.SubmitTargets(project.CheckDeclaration(ScoringProfiles.National2020));
        project.ApproveTargets();

        var last = new DateOnly(year, 12, 31) < end ? new DateOnly(year, 12, 31) : end;
        var fullYear = budget;
        if (random.Next(100) < 25 && last >= new DateOnly(year, 8, 31))
        {
            var reduce = random.Next(3) != 0;
            var amount = Math.Round(budget * (0.05m + (decimal)random.NextDouble() * 0.15m) / 100m, 0) * 100m;
            project.AddAdjustment(reduce ? AdjustmentKind.Reduction : AdjustmentKind.Increase, new DateOnly(year, 6 + random.Next(3), 10 + random.Next(15)), amount,
                reduce ? "按财政要求厉行节约，调减项目支出" : "因业务量增加，追加项目经费", $"粤财预〔{year}〕{random.Next(10, 200)}号", FundSource.CurrentYearAppropriation);
            fullYear += reduce ? -amount : amount;
        }

        var months = last.Month;
        var payments = Math.Min(months, 6 + random.Next(7));
        var spend = Math.Round(fullYear * (0.75m + (decimal)random.NextDouble() * 0.25m) * months / 12m, 2);
        var spent = 0m;
        for (var p = 0; p < payments; p++)
        {
            var month = 1 + (p * months / payments);
            var day = new DateOnly(year, month, 5 + random.Next(20));
            if (day > last)
            {
                day = last;
            }

            var amount = p == payments - 1 ? spend - spent : Math.Round(spend / payments * (0.7m + (decimal)random.NextDouble() * 0.6m), 2);
            if (amount <= 0)
            {
                continue;
            }

            spent += amount;
            project.AddExpenditure(day, amount, $"{Months[month - 1]}月{kind.Name.Replace("经费", string.Empty, StringComparison.Ordinal)}支出", $"记-{day:yyyyMMdd}-{p + 1}", FundSource.CurrentYearAppropriation);
        }

        var evaluated = last == new DateOnly(year, 12, 31);
        if (evaluated)
        {
            foreach (var indicator in project.Indicators)
            {
                if (indicator.Kind == IndicatorKind.Qualitative)
                {
                    var achieved = random.Next(100) < 85;
                    indicator.RecordActual(null, achieved ? "已达成年度目标" : "部分达成", achieved ? QualitativeBand.Achieved : QualitativeBand.PartlyAchieved,
                        achieved ? indicator.Points : Math.Round(indicator.Points * 0.7m, 1), achieved ? null : "长效机制尚在完善，下一年度继续推进。");
                    continue;
                }

                var target = indicator.Target!.Value;
                var percent = indicator.Unit == "%";
                var actual = percent
                    ? Math.Min(100m, Math.Round(target * (0.95m + (decimal)random.NextDouble() * 0.1m), 2))
                    : Math.Round(target * (0.85m + (decimal)random.NextDouble() * 0.35m), 0);
                indicator.RecordActual(actual, null, null, null, actual < target ? "受客观因素影响未完全达成，下一年度加强统筹。" : null);
            }
        }

        return (project, evaluated);
    }
}

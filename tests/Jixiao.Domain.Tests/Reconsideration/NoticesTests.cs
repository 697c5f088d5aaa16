using Jixiao.Domain.Identity;
using Jixiao.Domain.Reconsideration;
using static Jixiao.Domain.Tests.Calendar.TestCalendar;

namespace Jixiao.Domain.Tests.Reconsideration;

public class NoticesTests
{
    private static readonly CaseActor Handler = new(7, "李承办");
    private static readonly NoticeIssuer Issuer = new("江门市人民政府", "江门市司法局");
    private static readonly string IdNumber = "44070319880512202" + ResidentIdNumber.ComputeCheckCharacter("44070319880512202");

    private static DateTimeOffset At(string day, int hour = 10) => new(D(day).ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(8));

    private static ReconsiderationCase Received(string day = "2024-01-29", string? agent = "广东侨乡律师事务所 陈志明")
    {
        var c = new ReconsiderationCase(1, "江府复〔2024〕8号", D(day), MatterCategory.AdministrativePenalty, ApplicationChannel.InPerson, ApplicantKind.Citizen,
            "梁嘉欣", "江门市市场监督管理局", Handler, At(day, 9));
        c.RecordParticulars(new ApplicationParticulars(IdDocumentType.ResidentIdCard, IdNumber, "13800138000", "江门市蓬江区建设路1号", agent, false,
            "撤销被申请人作出的行政处罚决定书", "江门市市场监督管理局作出的江市监罚〔2024〕12号行政处罚决定书", null), D(day));
        return c;
    }

    private static NoticeContent Compose(ReconsiderationCase c, NoticeKind kind, string today = "2024-06-30") =>
        NoticeContent.Compose(c, kind, Issuer, China, D(today));

    [Theory]
    [InlineData("2023-05-06", "2023年5月6日")]
    [InlineData("2024-12-31", "2024年12月31日")]
    [InlineData("2025-10-01", "2025年10月1日")]
    public void Date_IsTheOfficialStyle_ArabicNumeralsWithoutLeadingZeros(string day, string expected) =>
        Notices.Date(D(day)).ShouldBe(expected);

    [Theory]
    [InlineData("江门市司法局", null, "江门市人民政府")]
    [InlineData("蓬江区司法局", "江门市司法局", "江门市蓬江区人民政府")]
    [InlineData("台山市司法局", "江门市司法局", "台山市人民政府")]
    [InlineData("江门市蓬江区司法局", "江门市司法局", "江门市蓬江区人民政府")]
    [InlineData("行政复议与应诉科", "江门市司法局", "行政复议与应诉科")]
    public void Issuer_JusticeBureau_IssuesInItsGovernmentsName(string unit, string? parent, string body)
    {
        var issuer = NoticeIssuer.Of(unit, parent);
        issuer.BodyName.ShouldBe(body);
        issuer.OfficeName.ShouldBe(unit);
    }

    [Theory]
    [InlineData("《行政复议法》第三十条", "《中华人民共和国行政复议法》第三十条")]
    [InlineData("《行政复议法》（2017年修正）第十七条", "《中华人民共和国行政复议法》（2017年修正）第十七条")]
    [InlineData("《行政复议法实施条例》第二十九条（合理补正期限，按10日计）", "《中华人民共和国行政复议法实施条例》第二十九条")]
    public void DocumentCitation_FullLawNameWithoutTheEnginesNote(string citation, string expected) =>
        NoticeContent.DocumentCitation(citation).ShouldBe(expected);

    /// <summary>Which notices a case can have along its way: each once its step is recorded, the decision from acceptance on.</summary>
    [Theory]
    [InlineData("received", "")]
    [InlineData("supplement", "Supplement")]
    [InlineData("refused", "Refusal")]
    [InlineData("supplement,refused", "Supplement,Refusal")]
    [InlineData("accepted", "Acceptance,Decision")]
    [InlineData("accepted,copy", "Acceptance,AnswerRequest,Decision")]
    [InlineData("accepted,copy,extend", "Acceptance,AnswerRequest,Extension,Decision")]
    [InlineData("accepted,suspend", "Acceptance")]
    [InlineData("accepted,close:Uphold", "Acceptance,Decision")]
    [InlineData("accepted,mediate,close:MediationStatement", "Acceptance")]
    [InlineData("accepted,close:Withdrawal", "Acceptance")]
    public void Available_FollowsTheSteps(string path, string expected)
    {
        var c = Run(path);
        Notices.Available(c).ShouldBe(expected.Length == 0 ? [] : [.. expected.Split(',').Select(Enum.Parse<NoticeKind>)]);
    }

    [Theory]
    [InlineData("received", NoticeKind.Decision, "案件尚未受理（当前：审查中），不能生成行政复议决定书。")]
    [InlineData("received", NoticeKind.Acceptance, "案件尚未受理（当前：审查中），不能生成行政复议受理通知书。")]
    [InlineData("received", NoticeKind.Refusal, "尚未作出不予受理决定（当前：审查中），不能生成不予受理决定书；请先办理“不予受理”并填写理由。")]
    [InlineData("accepted", NoticeKind.Refusal, "案件审理中，不是以不予受理办结的，不能生成不予受理决定书。")]
    [InlineData("accepted", NoticeKind.AnswerRequest, "尚未办理“送达副本”（发送申请书副本），不能生成提出答复通知书；请先办理该环节。")]
    [InlineData("accepted", NoticeKind.Extension, "本案没有延期审理，不能生成延期审理通知书；请先办理“延期”。")]
    [InlineData("accepted,suspend", NoticeKind.Decision, "案件已中止，须先恢复审理才能制作行政复议决定书。")]
    [InlineData("accepted,close:Withdrawal", NoticeKind.Decision, "本案以撤回终止结案，应制作行政复议终止决定书，不是行政复议决定书。")]
    public void Compose_InvalidForTheState_RefusedWithTheReason(string path, NoticeKind kind, string message)
    {
        var c = Run(path);
        Notices.WhyNot(c, kind).ShouldBe(message);
        Should.Throw<DomainException>(() => Compose(c, kind)).Message.ShouldBe(message);
    }

    [Fact]
    public void Compose_Acceptance_DecisionDueAfterTheSpringFestivalRolledOffTheWeekend()
    {
        // Received Monday 29 January 2024, accepted Wednesday 31 January: 60 days end on Sunday 31 March, so 1 April.
        var c = Received();
        c.Accept(Procedure.Ordinary, Handler, At("2024-01-31"), new CaseDocument("江府复受〔2024〕8号", "行政复议受理通知书"));
        var notice = Compose(c, NoticeKind.Acceptance);

        notice.Title.ShouldBe("行政复议受理通知书");
        notice.IssuedOn.ShouldBe(D("2024-01-31"));
        notice.Values["复议机关"].ShouldBe("江门市人民政府");
        notice.Values["文号"].ShouldBe("江府复受〔2024〕8号");
        notice.Values["申请人"].ShouldBe("梁嘉欣");
        notice.Values["申请人称谓"].ShouldBe("你");
        notice.Values["收到申请日期"].ShouldBe("2024年1月29日");
        notice.Values["受理日期"].ShouldBe("2024年1月31日");
        notice.Values["审理程序"].ShouldBe("普通程序");
        notice.Values["审理期限"].ShouldBe("60日");
        notice.Values["审理期限届满日"].ShouldBe("2024年4月1日");
        notice.Values["受理法条"].ShouldBe("《中华人民共和国行政复议法》第三十条");
        notice.Values["成文日期"].ShouldBe("2024年1月31日");
        notice.Values.Keys.ShouldBe(Notices.Fields(NoticeKind.Acceptance).Select(f => f.Name), ignoreOrder: true);
    }

    [Fact]
    public void Compose_Acceptance_LaterSwitchAndExtension_KeepThePeriodGivenAtAcceptance()
    {
        var c = Received("2024-03-04");
        c.Accept(Procedure.Summary, Handler, At("2024-03-05"));
        c.SwitchToOrdinary("案情复杂", Handler, At("2024-03-11"));
        c.Extend(30, new CaseActor(2, "王主任"), China, Handler, At("2024-03-20"));

        var notice = Compose(c, NoticeKind.Acceptance);

        notice.Values["审理程序"].ShouldBe("简易程序");
        notice.Values["审理期限"].ShouldBe("30日");
        notice.Values["审理期限届满日"].ShouldBe("2024年4月7日"); // 4 April is a Thursday off (清明), 5–6 April too; 7 April is a working Sunday
        notice.Values["文号"].ShouldBe(NoticeContent.BlankNumber);
    }

    [Fact]
    public void Compose_Supplement_TenWorkingDaysAcrossTheSpringFestivalWithItsAdjustedSunday()
    {
        var c = Received("2024-02-02");
        c.RequestSupplement("1.申请人身份证明；2、行政处罚决定书复印件\n缺少具体的行政复议请求", Handler, At("2024-02-05"), new CaseDocument("江府复补〔2024〕2号", "补正通知书"));
        var notice = Compose(c, NoticeKind.Supplement);

        notice.Values["通知补正日期"].ShouldBe("2024年2月5日");
        notice.Values["补正期限"].ShouldBe("10个工作日");
        notice.Values["补正期限届满日"].ShouldBe("2024年2月23日");
        notice.Values["补正法条"].ShouldBe("《中华人民共和国行政复议法》第三十一条");
        notice.Values["补正事项"].ShouldBe("1．申请人身份证明；\n2．行政处罚决定书复印件；\n3．缺少具体的行政复议请求。");
        notice.Values["文号"].ShouldBe("江府复补〔2024〕2号");
    }

    [Fact]
    public void Compose_Supplement_UnderTheOldLaw_TenCalendarDaysAndTheRegulation()
    {
        var c = Received("2023-06-01");
        c.RequestSupplement("申请人身份证明", Handler, At("2023-06-02"));
        var notice = Compose(c, NoticeKind.Supplement);

        notice.Values["补正期限"].ShouldBe("10日");
        notice.Values["补正期限届满日"].ShouldBe("2023年6月12日"); // 12 June is a Monday
        notice.Values["补正法条"].ShouldBe("《中华人民共和国行政复议法实施条例》第二十九条");
        notice.Values["补正事项"].ShouldBe("申请人身份证明。");
    }

    [Fact]
    public void Compose_AnswerRequest_TenWorkingDaysFromTheCopy()
    {
        var c = Received("2024-03-04");
        c.Accept(Procedure.Ordinary, Handler, At("2024-03-05"));
        c.SendCopyToRespondent(Handler, At("2024-03-07"), new CaseDocument("江府复答〔2024〕5号", "提出答复通知书"));
        var notice = Compose(c, NoticeKind.AnswerRequest);

        notice.IssuedOn.ShouldBe(D("2024-03-07"));
        notice.Values["答复期限"].ShouldBe("10个工作日");
        notice.Values["答复期限届满日"].ShouldBe("2024年3月21日");
        notice.Values["答复法条"].ShouldBe("《中华人民共和国行政复议法》第四十八条");
        notice.Values["文号"].ShouldBe("江府复答〔2024〕5号");
    }

    [Fact]
    public void Compose_Refusal_ReasonOfTheStepAndNoMaskingInTheParticulars()
    {
        var c = Received("2024-03-04");
        c.Refuse("申请超过法定申请期限且无正当理由。", Handler, At("2024-03-06"), new CaseDocument("江府复不受〔2024〕1号", "不予受理决定书"));
        var notice = Compose(c, NoticeKind.Refusal);

        notice.Values["不予受理理由"].ShouldBe("申请超过法定申请期限且无正当理由");
        notice.Values["不予受理法条"].ShouldBe("《中华人民共和国行政复议法》第三十条");
        notice.Values["申请人情况"].ShouldBe($"梁嘉欣，公民身份号码{IdNumber}，住址江门市蓬江区建设路1号");
        notice.Values["委托代理人"].ShouldBe("广东侨乡律师事务所 陈志明");
        notice.Values["行政复议请求"].ShouldBe("撤销被申请人作出的行政处罚决定书。");
        notice.Values["成文日期"].ShouldBe("2024年3月6日");
    }

    [Fact]
    public void Compose_Extension_BeforeAndAfterByTheEngine()
    {
        // Accepted 5 March 2024: 60 days end on Saturday 4 May, inside the May Day holiday, so 6 May; 30 more days: 3 June.
        var c = Received("2024-03-04", agent: null);
        c.Accept(Procedure.Ordinary, Handler, At("2024-03-05"));
        c.Extend(30, new CaseActor(2, "王主任"), China, Handler, At("2024-04-20"), new CaseDocument("江府复延〔2024〕3号", "延期审理通知书"));
        var notice = Compose(c, NoticeKind.Extension);

        notice.Values["延长天数"].ShouldBe("30");
        notice.Values["原审理期限届满日"].ShouldBe("2024年5月6日");
        notice.Values["新审理期限届满日"].ShouldBe("2024年6月3日");
        notice.Values["延期法条"].ShouldBe("《中华人民共和国行政复议法》第六十二条");
        notice.Values["成文日期"].ShouldBe("2024年4月20日");
        notice.Values["委托代理人"].ShouldBeNull();
    }

    [Fact]
    public void Compose_Decision_OpenCase_LeavesArticleAndOutcomeToTheHandlerAndIsDatedToday()
    {
        var c = Received("2024-03-04");
        c.Accept(Procedure.Ordinary, Handler, At("2024-03-05"));
        var notice = Compose(c, NoticeKind.Decision, today: "2024-04-15");

        notice.Values["决定结果"].ShouldBe("（请填写决定内容）");
        notice.Values["决定法条"].ShouldBe("《中华人民共和国行政复议法》第　　条");
        notice.Values["文号"].ShouldBe("江府复〔2024〕8号");
        notice.Values["成文日期"].ShouldBe("2024年4月15日");
    }

    [Fact]
    public void Compose_Decision_ClosedCase_DraftsTheOutcomeWithItsArticle()
    {
        var c = Received("2024-03-04");
        c.Accept(Procedure.Ordinary, Handler, At("2024-03-05"));
        c.Close(ReconsiderationOutcome.Uphold, Handler, At("2024-04-26"), new CaseDocument("江府行复〔2024〕8号", "行政复议决定书"));
        var notice = Compose(c, NoticeKind.Decision);

        notice.Values["决定结果"].ShouldBe("维持江门市市场监督管理局作出的江市监罚〔2024〕12号行政处罚决定书。");
        notice.Values["决定法条"].ShouldBe("《中华人民共和国行政复议法》第六十八条");
        notice.Values["文号"].ShouldBe("江府行复〔2024〕8号");
        notice.Values["成文日期"].ShouldBe("2024年4月26日");
    }

    [Fact]
    public void Compose_ExtensionBeyondTheCalendar_RefusedWithTheEnginesReason()
    {
        // Accepted 12 October 2026: 60 days end on 11 December; 30 more reach January 2027, beyond the calendar.
        var c = Received("2026-10-09");
        c.Accept(Procedure.Ordinary, Handler, At("2026-10-12"));
        c.Extend(30, new CaseActor(2, "王主任"), China, Handler, At("2026-11-20"));

        var error = Should.Throw<DomainException>(() => Compose(c, NoticeKind.Extension, today: "2026-11-20"));
        error.Message.ShouldStartWith("无法计算作出复议决定的期限，不能生成文书：");
        error.Message.ShouldContain("2027");
    }

    [Theory]
    [InlineData("accept", NoticeKind.Acceptance)]
    [InlineData("ANSWER", NoticeKind.AnswerRequest)]
    [InlineData(" refuse ", NoticeKind.Refusal)]
    [InlineData("decision", NoticeKind.Decision)]
    public void Parse_Key_GivesTheKind(string key, NoticeKind kind) => Notices.Parse(key).ShouldBe(kind);

    [Fact]
    public void Parse_UnknownKey_ListsTheKinds() =>
        Should.Throw<ValidationException>(() => Notices.Parse("notice")).Message.ShouldContain("accept（行政复议受理通知书）");

    [Fact]
    public void Fields_NoDuplicatesAndCommonOnesEverywhere()
    {
        foreach (var kind in Notices.All)
        {
            var names = Notices.Fields(kind).Select(f => f.Name).ToList();
            names.ShouldBeUnique();
            names.ShouldContain("申请人");
            names.ShouldContain("文号");
            names.ShouldContain("成文日期");
        }
    }

    /// <summary>A case received on 2024-03-04 taken along a comma-separated path, one step a day.</summary>
    private static ReconsiderationCase Run(string path)
    {
        var c = Received("2024-03-04");
        var day = D("2024-03-05");
        foreach (var step in path.Split(','))
        {
            var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8));
            var parts = step.Split(':');
            switch (parts[0])
            {
                case "received": break;
                case "supplement": c.RequestSupplement("身份证明", Handler, at); break;
                case "refused": c.Refuse("超过申请期限", Handler, at); break;
                case "accepted": c.Accept(Procedure.Ordinary, Handler, at); break;
                case "copy": c.SendCopyToRespondent(Handler, at); break;
                case "extend": c.Extend(20, new CaseActor(2, "王主任"), China, Handler, at); break;
                case "suspend": c.Suspend(SuspensionGround.MediationOrSettlement, Handler, at); break;
                case "mediate": c.Mediate(Handler, at); break;
                case "close": { var o = Enum.Parse<ReconsiderationOutcome>(parts[1]); c.Close(o, Handler, at, new CaseDocument("江府行复〔2024〕9号", Outcomes.DocumentTitle(o))); break; }
                default: throw new ArgumentException(step);
            }

            day = day.AddDays(1);
        }

        return c;
    }
}

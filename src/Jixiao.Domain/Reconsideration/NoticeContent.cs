using System.Globalization;
using System.Text.RegularExpressions;
using Jixiao.Domain.Calendar;

namespace Jixiao.Domain.Reconsideration;

/// <summary>Who issues a notice: the reconsideration body (行政复议机关) and the office that handles the case (行政复议机构).</summary>
public sealed record NoticeIssuer(string BodyName, string OfficeName)
{
    private const string JusticeBureau = "司法局";

    /// <summary>
    /// The issuer of a case handled by the unit: a justice bureau (司法局) handles the cases of its people's
    /// government, in whose name the documents are issued; a district's government carries the city's name
    /// (蓬江区司法局 under 江门市司法局 → 江门市蓬江区人民政府). Any other unit issues in its own name.
    /// </summary>
    /// <remarks>《行政复议法》2023 第四条（县级以上各级人民政府为行政复议机关，其办理行政复议事项的机构为行政复议机构，司法行政部门承担）、第二十四条（管辖）。</remarks>
    public static NoticeIssuer Of(string unitName, string? parentUnitName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(unitName);
        var office = unitName.Trim();
        if (!office.EndsWith(JusticeBureau, StringComparison.Ordinal) || office.Length == JusticeBureau.Length)
        {
            return new(office, office);
        }

        var place = office[..^JusticeBureau.Length];
        if (place.EndsWith('区') && parentUnitName?.Trim() is { } parent && parent.EndsWith(JusticeBureau, StringComparison.Ordinal))
        {
            var parentPlace = parent[..^JusticeBureau.Length];
            if (parentPlace.Length > 0 && !place.StartsWith(parentPlace, StringComparison.Ordinal))
            {
                place = parentPlace + place;
            }
        }

        return new(place + "人民政府", office);
    }
}

/// <summary>
/// A notice ready to be written into its template: the kind, its title, the date of issue (成文日期) and the
/// value of every placeholder of <see cref="Notices.Fields"/>; a null value removes the placeholder's paragraph.
/// </summary>
public sealed partial record NoticeContent(NoticeKind Kind, string Title, DateOnly IssuedOn, IReadOnlyDictionary<string, string?> Values)
{
    /// <summary>What a placeholder holds when the handler has to complete it in Word.</summary>
    public const string ToComplete = "（请填写）";

    /// <summary>A document number (文号) not recorded with the step: room to write it in.</summary>
    public const string BlankNumber = "〔　　　　〕　　号";

    /// <summary>
    /// Fills the notice from the case. Every due date comes from the deadline engine
    /// (<see cref="ReconsiderationDeadlines"/>) as it stood when the step was taken: the acceptance notice
    /// gives the decision period of the procedure chosen at acceptance, the extension notice the period
    /// before and after the extension.
    /// </summary>
    /// <exception cref="DomainException">The notice is not available for the case as it stands (see <see cref="Notices.WhyNot"/>), or a due date cannot be counted (a year missing from the working-day calendar).</exception>
    public static NoticeContent Compose(ReconsiderationCase c, NoticeKind kind, NoticeIssuer issuer, WorkdayCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(calendar);
        if (Notices.WhyNot(c, kind) is { } why)
        {
            throw new DomainException(why);
        }

        var rules = DeadlineRuleSet.For(c.LawVersion);
        var act = c.ContestedAct ?? $"{c.RespondentName}作出的行政行为";
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["复议机关"] = issuer.BodyName,
            ["复议机构"] = issuer.OfficeName,
            ["文号"] = c.Steps.LastOrDefault(s => s.Kind == Notices.Step(kind))?.DocumentNumber ?? (kind == NoticeKind.Decision ? c.CaseNumber : BlankNumber),
            ["案号"] = c.CaseNumber,
            ["申请人"] = c.ApplicantName,
            ["申请人情况"] = ApplicantParticulars(c),
            ["申请人称谓"] = c.ApplicantKind == ApplicantKind.Citizen ? "你" : "你单位",
            ["委托代理人"] = c.AgentName,
            ["被申请人"] = c.RespondentName,
            ["被申请复议的行政行为"] = act,
            ["行政复议请求"] = Sentence(c.Requests) ?? ToComplete,
            ["收到申请日期"] = Notices.Date(c.ReceivedOn),
        };

        DateOnly issued;
        switch (kind)
        {
            case NoticeKind.Acceptance:
            {
                issued = c.AcceptedOn!.Value;
                var procedure = c.SwitchedToOrdinaryOn is null ? c.Procedure : Procedure.Summary;
                var atAcceptance = new ReconsiderationFacts(c.ReceivedOn)
                {
                    Version = c.LawVersion,
                    SupplementRequestedOn = c.SupplementRequestedOn,
                    SupplementReceivedOn = c.SupplementReceivedOn,
                    AcceptedOn = c.AcceptedOn,
                    Procedure = procedure,
                };
                var decision = Counted(atAcceptance, ReconsiderationStep.Decision, calendar, issued);
                values["受理日期"] = Notices.Date(issued);
                values["审理程序"] = ProcedureName(procedure);
                values["审理期限"] = decision.Period.ToString();
                values["审理期限届满日"] = Notices.Date(decision.Due!.Value);
                values["受理法条"] = DocumentCitation(rules.Find(ReconsiderationStep.AcceptanceReview, procedure)!.Citation);
                break;
            }

            case NoticeKind.AnswerRequest:
            {
                issued = c.CopySentOn!.Value;
                var answer = Counted(c.ToFacts(), ReconsiderationStep.Answer, calendar, issued);
                values["受理日期"] = Notices.Date(c.AcceptedOn!.Value);
                values["发送副本日期"] = Notices.Date(issued);
                values["答复期限"] = answer.Period.ToString();
                values["答复期限届满日"] = Notices.Date(answer.Due!.Value);
                values["答复法条"] = DocumentCitation(answer.Citation);
                break;
            }

            case NoticeKind.Supplement:
            {
                issued = c.SupplementRequestedOn!.Value;
                var supplement = Counted(c.ToFacts(), ReconsiderationStep.SupplementByApplicant, calendar, issued);
                values["通知补正日期"] = Notices.Date(issued);
                values["补正事项"] = Items(c.SupplementItems);
                values["补正期限"] = supplement.Period.ToString();
                values["补正期限届满日"] = Notices.Date(supplement.Due!.Value);
                values["补正法条"] = DocumentCitation(supplement.Citation);
                break;
            }

            case NoticeKind.Refusal:
                issued = c.EndedBeforeAcceptanceOn!.Value;
                values["不予受理理由"] = c.Steps.LastOrDefault(s => s.Kind == CaseStepKind.Refused)?.Note?.Trim().TrimEnd('。', '.', '；', ';') ?? ToComplete;
                values["不予受理法条"] = DocumentCitation(rules.Find(ReconsiderationStep.AcceptanceReview, Procedure.Ordinary)!.Citation);
                break;

            case NoticeKind.Extension:
            {
                issued = c.ExtendedOn!.Value;
                var facts = c.ToFacts();
                var atExtension = facts with { ClosedOn = null, Suspensions = [.. facts.Suspensions.Where(s => s.From <= issued)] };
                var before = Counted(atExtension with { ExtensionDays = 0 }, ReconsiderationStep.Decision, calendar, issued);
                var after = Counted(atExtension, ReconsiderationStep.Decision, calendar, issued);
                values["受理日期"] = Notices.Date(c.AcceptedOn!.Value);
                values["延长天数"] = c.ExtensionDays.ToString(CultureInfo.InvariantCulture);
                values["原审理期限届满日"] = Notices.Date(before.Due!.Value);
                values["新审理期限届满日"] = Notices.Date(after.Due!.Value);
                values["延期法条"] = DocumentCitation(rules.ExtensionCitation);
                break;
            }

            default:
                issued = c.ClosedOn ?? today;
                values["受理日期"] = Notices.Date(c.AcceptedOn!.Value);
                values["审理程序"] = ProcedureName(c.Procedure);
                values["决定法条"] = c.Outcome is { } outcome ? DecisionCitation(c.LawVersion, outcome) : DocumentCitation(rules.LawTitle + "第　　条");
                values["决定结果"] = c.Outcome is { } decided ? DecisionText(decided, act) : "（请填写决定内容）";
                break;
        }

        values["成文日期"] = Notices.Date(issued);
        return new NoticeContent(kind, Notices.Title(kind), issued, values);
    }

    /// <summary>
    /// An article as an official document cites it: the law's full name, without the explanatory note the deadline
    /// rules add after the article (《行政复议法实施条例》第二十九条（合理补正期限，按10日计） → 《中华人民共和国行政复议法实施条例》第二十九条).
    /// </summary>
    public static string DocumentCitation(string citation)
    {
        ArgumentNullException.ThrowIfNull(citation);
        var full = citation.Replace("《行政复议法", "《中华人民共和国行政复议法", StringComparison.Ordinal);
        var note = full.LastIndexOf('（');
        return note > 0 && full.EndsWith('）') && full[..note].EndsWith('条') ? full[..note] : full;
    }

    /// <summary>The article a decision rests on under the law the case runs under.</summary>
    /// <remarks>2023 修订：第六十三至六十九条（<see cref="Outcomes.Citation"/>）；2017 修正：第二十八条，驳回见《行政复议法实施条例》第四十八条。</remarks>
    public static string DecisionCitation(LawVersion version, ReconsiderationOutcome outcome) => version == LawVersion.Law2017
        ? outcome is ReconsiderationOutcome.DismissClaim or ReconsiderationOutcome.DismissApplication
            ? "《中华人民共和国行政复议法实施条例》第四十八条"
            : "《中华人民共和国行政复议法》（2017年修正）第二十八条"
        : DocumentCitation(Outcomes.Citation(outcome));

    /// <summary>The operative sentence of a decision, drafted from the outcome; the handler completes what the product cannot know.</summary>
    public static string DecisionText(ReconsiderationOutcome outcome, string act) => outcome switch
    {
        ReconsiderationOutcome.Vary => $"变更{act}，变更为：{ToComplete}。",
        ReconsiderationOutcome.Revoke => $"撤销{act}。",
        ReconsiderationOutcome.RevokePartly => $"撤销{act}中的{ToComplete}部分。",
        ReconsiderationOutcome.RevokeAndRedo => $"撤销{act}，责令被申请人自收到本决定书之日起{ToComplete}日内重新作出行政行为。",
        ReconsiderationOutcome.RevokePartlyAndRedo => $"撤销{act}中的{ToComplete}部分，责令被申请人自收到本决定书之日起{ToComplete}日内重新作出行政行为。",
        ReconsiderationOutcome.ConfirmIllegal => $"确认{act}违法。",
        ReconsiderationOutcome.OrderPerformance => $"责令被申请人自收到本决定书之日起{ToComplete}日内履行{ToComplete}法定职责。",
        ReconsiderationOutcome.ConfirmVoid => $"确认{act}无效。",
        ReconsiderationOutcome.Uphold => $"维持{act}。",
        ReconsiderationOutcome.DismissClaim => "驳回申请人的行政复议请求。",
        ReconsiderationOutcome.DismissApplication => "驳回申请人的行政复议申请。",
        _ => "（请填写决定内容）",
    };

    /// <summary>Text that ends a sentence of the document: its own closing punctuation kept, a 。 added otherwise.</summary>
    private static string? Sentence(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim() is var t && "。！？.；;".Contains(t[^1], StringComparison.Ordinal) ? t : t + "。";

    private static string ProcedureName(Procedure procedure) => procedure == Procedure.Summary ? "简易程序" : "普通程序";

    private static string ApplicantParticulars(ReconsiderationCase c)
    {
        var parts = new List<string> { c.ApplicantName };
        if (c.ApplicantIdNumber is { Length: > 0 } id)
        {
            parts.Add((c.ApplicantIdType == IdDocumentType.UnifiedSocialCreditCode ? "统一社会信用代码" : "公民身份号码") + id);
        }

        if (c.ApplicantAddress is { Length: > 0 } address)
        {
            parts.Add((c.ApplicantKind == ApplicantKind.Citizen ? "住址" : "住所") + address);
        }

        return string.Join("，", parts);
    }

    /// <summary>The supplement items one a line, numbered 1． 2． when there are several (the handler may have numbered them already).</summary>
    private static string Items(string? items)
    {
        var parts = (items ?? string.Empty)
            .Split(['\n', '；', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => LeadingNumber().Replace(p, string.Empty).TrimEnd('。', '；', ';', '，', ',', '.'))
            .Where(p => p.Length > 0)
            .ToList();
        return parts.Count switch
        {
            0 => ToComplete,
            1 => parts[0] + "。",
            _ => string.Join('\n', parts.Select((p, i) => $"{i + 1}．{p}{(i == parts.Count - 1 ? "。" : "；")}")),
        };
    }

    /// <summary>A deadline the engine counts for the facts, with its due date; refused with the engine's reason when it has none.</summary>
    private static Deadline Counted(ReconsiderationFacts facts, ReconsiderationStep step, WorkdayCalendar calendar, DateOnly asOf)
    {
        var deadline = ReconsiderationDeadlines.ComputeAvailable(facts, asOf, calendar, out var problems)
            .FirstOrDefault(d => d.Step == step)?.Deadline;
        return deadline is { Due: not null }
            ? deadline
            : throw new DomainException($"无法计算{ReconsiderationDeadlines.StepName(step)}的期限，不能生成文书：{(problems.Count > 0 ? string.Join("；", problems) : deadline?.Explanation ?? "期限尚未开始计算")}");
    }

    [GeneratedRegex(@"^(\d+|[一二三四五六七八九十]+)[\.．、\)）]\s*|^（[一二三四五六七八九十]+）\s*")]
    private static partial Regex LeadingNumber();
}

namespace Jixiao.Domain.Reconsideration;

/// <summary>The notices and decisions the product writes from templates (行政复议文书).</summary>
public enum NoticeKind
{
    /// <summary>行政复议受理通知书（致申请人）</summary>
    Acceptance = 1,

    /// <summary>提出答复通知书（致被申请人，随申请书副本发送）</summary>
    AnswerRequest = 2,

    /// <summary>补正通知书（致申请人）</summary>
    Supplement = 3,

    /// <summary>不予受理决定书</summary>
    Refusal = 4,

    /// <summary>延期审理通知书（致当事人）</summary>
    Extension = 5,

    /// <summary>行政复议决定书（事实、理由和决定内容由承办人完成）</summary>
    Decision = 6,
}

/// <summary>A placeholder a notice template may use, written <c>{{名称}}</c> in the template, and what it is filled with.</summary>
/// <param name="Name">The placeholder's name, e.g. 申请人.</param>
/// <param name="Description">What the product fills in, for the administrators who write templates.</param>
/// <param name="RemovesParagraph">True when an empty value removes the whole paragraph (e.g. 委托代理人 when there is none).</param>
public sealed record NoticeField(string Name, string Description, bool RemovesParagraph = false);

/// <summary>
/// The kinds of notice, their titles and placeholders, and when each may be issued: a notice is
/// available once the step it belongs to has been recorded on the case (受理, 送达副本, 补正通知,
/// 不予受理, 延期), and a decision once the case is accepted and not suspended, ended by mediation or
/// terminated.
/// </summary>
public static class Notices
{
    public static IReadOnlyList<NoticeKind> All { get; } = Enum.GetValues<NoticeKind>();

    /// <summary>The document's title, e.g. 行政复议受理通知书.</summary>
    public static string Title(NoticeKind kind) => kind switch
    {
        NoticeKind.Acceptance => "行政复议受理通知书",
        NoticeKind.AnswerRequest => "提出答复通知书",
        NoticeKind.Supplement => "补正通知书",
        NoticeKind.Refusal => "不予受理决定书",
        NoticeKind.Extension => "延期审理通知书",
        NoticeKind.Decision => "行政复议决定书",
        _ => kind.ToString(),
    };

    /// <summary>Who the notice goes to, for the menu and the administration page.</summary>
    public static string Recipient(NoticeKind kind) => kind switch
    {
        NoticeKind.AnswerRequest => "被申请人",
        NoticeKind.Extension or NoticeKind.Decision => "申请人、被申请人",
        _ => "申请人",
    };

    /// <summary>The short key used in addresses and on the command line: accept, answer, supplement, refuse, extend, decision.</summary>
    public static string Key(NoticeKind kind) => kind switch
    {
        NoticeKind.Acceptance => "accept",
        NoticeKind.AnswerRequest => "answer",
        NoticeKind.Supplement => "supplement",
        NoticeKind.Refusal => "refuse",
        NoticeKind.Extension => "extend",
        NoticeKind.Decision => "decision",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <exception cref="ValidationException">The key names no notice.</exception>
    public static NoticeKind Parse(string key)
    {
        foreach (var kind in All.Where(k => string.Equals(Key(k), key?.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            return kind;
        }

        throw new ValidationException([new("文书", $"没有“{key}”这种文书；可选：{string.Join("、", All.Select(k => $"{Key(k)}（{Title(k)}）"))}。")]);
    }

    /// <summary>The step of the case the notice belongs to, whose document number (文号) it carries.</summary>
    public static CaseStepKind Step(NoticeKind kind) => kind switch
    {
        NoticeKind.Acceptance => CaseStepKind.Accepted,
        NoticeKind.AnswerRequest => CaseStepKind.CopySent,
        NoticeKind.Supplement => CaseStepKind.SupplementRequested,
        NoticeKind.Refusal => CaseStepKind.Refused,
        NoticeKind.Extension => CaseStepKind.Extended,
        _ => CaseStepKind.Closed,
    };

    private static readonly NoticeField[] Common =
    [
        new("复议机关", "行政复议机关：承办单位所在的县级以上人民政府（如江门市司法局 → 江门市人民政府）"),
        new("复议机构", "承办案件的行政复议机构（本系统中的承办单位名称）"),
        new("文号", "本文书的文号：办理该环节时登记的文书编号；未登记时留出空白待填（决定书用案号）"),
        new("案号", "案件的案号"),
        new("申请人", "申请人姓名或名称"),
        new("申请人情况", "申请人姓名或名称、证件号码和住所（文书中不脱敏）"),
        new("申请人称谓", "对申请人的称呼：公民为“你”，法人或其他组织为“你单位”"),
        new("委托代理人", "委托代理人；没有代理人时，所在段落整段删除", RemovesParagraph: true),
        new("被申请人", "被申请人名称"),
        new("被申请复议的行政行为", "被申请复议的行政行为"),
        new("行政复议请求", "申请人的行政复议请求"),
        new("收到申请日期", "收到行政复议申请的日期"),
        new("成文日期", "文书的成文日期：办理该环节的日期（决定书未结案时为生成当日）"),
    ];

    /// <summary>The placeholders a template of the kind may use, the common ones first.</summary>
    public static IReadOnlyList<NoticeField> Fields(NoticeKind kind) =>
    [
        .. Common,
        .. kind switch
        {
            NoticeKind.Acceptance => (NoticeField[])
            [
                new("受理日期", "受理日期"),
                new("审理程序", "普通程序或简易程序"),
                new("审理期限", "作出行政复议决定的期限，如“60日”"),
                new("审理期限届满日", "按受理时的程序由期限计算得出的决定期限届满日"),
                new("受理法条", "受理所依据的条文"),
            ],
            NoticeKind.AnswerRequest =>
            [
                new("受理日期", "受理日期"),
                new("发送副本日期", "发送申请书副本的日期"),
                new("答复期限", "被申请人提出书面答复的期限，如“10个工作日”"),
                new("答复期限届满日", "由期限计算得出的答复期限届满日"),
                new("答复法条", "答复期限所依据的条文"),
            ],
            NoticeKind.Supplement =>
            [
                new("通知补正日期", "通知补正的日期"),
                new("补正事项", "需要补正的全部事项，每项一段"),
                new("补正期限", "申请人补正的期限，如“10个工作日”"),
                new("补正期限届满日", "自收到补正通知起由期限计算得出的补正期限届满日"),
                new("补正法条", "补正所依据的条文"),
            ],
            NoticeKind.Refusal =>
            [
                new("不予受理理由", "办理“不予受理”时填写的理由"),
                new("不予受理法条", "不予受理所依据的条文"),
            ],
            NoticeKind.Extension =>
            [
                new("受理日期", "受理日期"),
                new("延长天数", "延长的天数"),
                new("原审理期限届满日", "延期前的决定期限届满日"),
                new("新审理期限届满日", "延期后的决定期限届满日"),
                new("延期法条", "延期所依据的条文"),
            ],
            NoticeKind.Decision =>
            [
                new("受理日期", "受理日期"),
                new("审理程序", "普通程序或简易程序"),
                new("决定法条", "决定所依据的条文（尚未结案时留空待填）"),
                new("决定结果", "决定内容：已结案的按结案方式拟写，尚未结案的留待填写"),
            ],
            _ => [],
        },
    ];

    /// <summary>Why the notice cannot be issued for the case as it stands, or null when it can.</summary>
    public static string? WhyNot(ReconsiderationCase c, NoticeKind kind)
    {
        ArgumentNullException.ThrowIfNull(c);
        var title = Title(kind);
        var state = ReconsiderationCase.StateName(c.State);
        string NotAccepted() => $"案件尚未受理（当前：{state}），不能生成{title}。";
        return kind switch
        {
            NoticeKind.Acceptance => c.AcceptedOn is null ? NotAccepted() : null,
            NoticeKind.AnswerRequest => c.AcceptedOn is null ? NotAccepted()
                : c.CopySentOn is null ? $"尚未办理“送达副本”（发送申请书副本），不能生成{title}；请先办理该环节。"
                : null,
            NoticeKind.Supplement => c.SupplementRequestedOn is null
                ? $"本案没有通知补正（当前：{state}），不能生成{title}；请先办理“补正通知”并填写补正事项。"
                : null,
            NoticeKind.Refusal => c.EndedBeforeAcceptanceAs == PreAcceptanceEnding.Refused ? null
                : c.State is CaseState.UnderReview or CaseState.AwaitingSupplement ? $"尚未作出不予受理决定（当前：{state}），不能生成{title}；请先办理“不予受理”并填写理由。"
                : $"案件{state}，不是以不予受理办结的，不能生成{title}。",
            NoticeKind.Extension => c.AcceptedOn is null ? NotAccepted()
                : c.ExtendedOn is null ? $"本案没有延期审理，不能生成{title}；请先办理“延期”。"
                : null,
            NoticeKind.Decision => c.AcceptedOn is null ? NotAccepted()
                : c.State == CaseState.Suspended ? $"案件已中止，须先恢复审理才能制作{title}。"
                : c.Outcome is ReconsiderationOutcome.MediationStatement ? $"本案以调解书结案，不制作{title}。"
                : c.Outcome is { } o && Outcomes.IsTermination(o) ? $"本案以{Outcomes.Name(o)}结案，应制作行政复议终止决定书，不是{title}。"
                : null,
            _ => $"未知的文书种类{kind}。",
        };
    }

    /// <summary>The notices that can be issued for the case as it stands, in the order of the procedure.</summary>
    public static IReadOnlyList<NoticeKind> Available(ReconsiderationCase c) => [.. All.Where(k => WhyNot(c, k) is null)];

    /// <summary>
    /// A date as official documents write it: Arabic numerals, the year in full, month and day without a leading
    /// zero, e.g. 2023年5月6日.
    /// </summary>
    /// <remarks>GB/T 9704-2012《党政机关公文格式》7.3.5.1：成文日期中的数字用阿拉伯数字将年、月、日标全，年份应标全称，月、日不编虚位。</remarks>
    public static string Date(DateOnly day) => $"{day.Year}年{day.Month}月{day.Day}日";
}

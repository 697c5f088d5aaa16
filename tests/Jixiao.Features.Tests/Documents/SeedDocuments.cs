using Jixiao.Infrastructure.Documents;

namespace Jixiao.Features.Tests.Documents;

/// <summary>Project 2023-SFJ-01 of the seed report 000_a11c1dd7bc777b1e (seed-figures.md): table and report.</summary>
internal static class SeedDocuments
{
    public const string ReportTitle = "江门市司法局2023年度法治政府建设工作经费项目支出绩效自评报告";

    public const string BodySentence = "2023年度部门预算安排财政资金164万元。";

    public static ScoreTableDocument ScoreTable() => new(
        2023,
        "法治政府建设工作经费",
        "江门市司法局",
        "江门市司法局",
        "李明",
        "0750-3501234",
        [
            new FundRow("年度资金总额", 1_640_000m, 937_900m, 937_900m, 10m, "100.00%", 10m),
            new FundRow("其中：本年财政拨款", 1_640_000m, 937_900m, 937_900m, null, "100.00%", null),
            new FundRow("上年结转资金", 0m, 0m, 0m, null, "—", null),
            new FundRow("其他资金", 0m, 0m, 0m, null, "—", null),
        ],
        "完成年度立法、规范性文件审核、法律顾问、行政复议和行政应诉工作，推进法治政府建设。",
        "审核市级规范性文件66件，委托起草地方性法规2部，法律顾问办件260件，新收行政复议案件190件，调撤率34.81%。",
        [
            new IndicatorRow("产出指标", "数量指标", "审核市级规范性文件数量", "≥66件", "66件", 10m, 10m, null),
            new IndicatorRow("产出指标", "数量指标", "委托起草地方性法规数量", "≥2部", "2部", 10m, 10m, null),
            new IndicatorRow("产出指标", "数量指标", "市政府法律顾问办件数量", "≥260件", "260件", 10m, 10m, null),
            new IndicatorRow("产出指标", "质量指标", "行政复议案件调撤率", "≥30%", "34.81%", 10m, 10m, null),
            new IndicatorRow("产出指标", "时效指标", "立法工作完成及时率", "100%", "100%", 10m, 10m, null),
            new IndicatorRow("效益指标", "社会效益指标", "法治广东建设考评等次", "保持优秀等次", "优秀", 15m, 15m, null),
            new IndicatorRow("效益指标", "社会效益指标", "行政机关负责人出庭应诉率", "≥99.5%", "99.32%", 10m, 8m,
                "个别案件因负责人公务冲突委托其他工作人员出庭；2024年6月30日前完善出庭应诉提醒和备案制度。"),
            new IndicatorRow("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "95%", 15m, 15m, null),
        ],
        98m,
        "优",
        10);

    public static ReportDocument Report() => new(
        ReportTitle,
        "江门市司法局",
        new DateOnly(2024, 3, 15),
        [
            new(ReportBlockKind.Heading1, "一、项目概况"),
            new(ReportBlockKind.Heading2, "（一）项目立项背景和依据"),
            new(ReportBlockKind.Paragraph, "根据江门市司法局三定方案的职责为项目的立项背景依据，包括：统筹规划立法工作的责任。协调有关方面提出立法规划和年度立法工作计划的建议，负责跟踪了解各部门对立法工作计划的落实情况，加强组织协调和督促指导，研究提出立法与改革部署相衔接的意见、措施。"),
            new(ReportBlockKind.Heading2, "（二）项目完成情况"),
            new(ReportBlockKind.Paragraph, "2023年，我局在市委、市政府的坚强领导下，立足司法行政“一个统筹、四大职能”工作布局，推动法治建设与市委、市政府中心工作同频共振，以法治护航发展、保障改革、滋润民心。"),
            new(ReportBlockKind.Heading1, "二、项目组织实施情况"),
            new(ReportBlockKind.Heading2, "（一）投入"),
            new(ReportBlockKind.Paragraph, BodySentence + "结合本部门工作职责工作任务，设置了能体现该项工作实现程度的、规范完整的、可细化量化的绩效目标。"),
            new(ReportBlockKind.Heading2, "（二）过程"),
            new(ReportBlockKind.Paragraph, "按财政要求调减该项目支出，压减后该项预算指标金额为93.79万元，全年实际支出93.79万元，按压减后的预算指标计算支出率为100.00%。"),
            new(ReportBlockKind.Heading1, "三、项目绩效情况"),
            new(ReportBlockKind.Paragraph, "全年共审核（审查）市级规范性文件66件，其中政府规范性文件11件、部门规范性文件55件，审查各县（市、区）报备的政府规范性文件36件。"),
            new(ReportBlockKind.Paragraph, "2023年市本级共新收行政复议案件190件，不予受理25件，告知16件，另行处理的8件，转送1件，逾期未补正5件，立案受理135件。"),
            new(ReportBlockKind.Heading1, "四、项目主要做法和经验"),
            new(ReportBlockKind.Paragraph, "坚持案前引导、案中调解、案后释明，将调解贯穿行政复议受理及审理全过程。"),
            new(ReportBlockKind.Heading1, "五、存在问题及建议"),
            new(ReportBlockKind.Paragraph, "行政机关负责人出庭应诉率99.32%，未达到99.5%的年度指标值，将于2024年6月30日前完善出庭应诉提醒和备案制度。"),
            new(ReportBlockKind.Heading1, "六、项目自评结论及得分"),
            new(ReportBlockKind.Paragraph, "根据项目绩效自评指标评分标准，该项目自评得分为98分，具体自评情况见附表。"),
        ]);
}

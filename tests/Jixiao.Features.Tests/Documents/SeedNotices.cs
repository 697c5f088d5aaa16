using Jixiao.Domain.Identity;
using Jixiao.Domain.Reconsideration;
using Jixiao.Infrastructure.Calendar;

namespace Jixiao.Features.Tests.Documents;

/// <summary>A case of 2024 with an agent, accepted across the Spring Festival and closed with 维持, composed into its notices.</summary>
internal static class SeedNotices
{
    public static NoticeContent Compose(NoticeKind kind)
    {
        var handler = new CaseActor(0, "吴家豪", "jx.case");
        static DateTimeOffset At(int month, int day) => new(2024, month, day, 10, 0, 0, TimeSpan.FromHours(8));
        const string first17 = "44070319880512202";
        var c = new ReconsiderationCase(1, "江府复〔2024〕8号", new DateOnly(2024, 1, 29), MatterCategory.AdministrativePenalty, ApplicationChannel.InPerson,
            ApplicantKind.Citizen, "梁嘉欣", "江门市市场监督管理局", handler, At(1, 29));
        c.RecordParticulars(new ApplicationParticulars(IdDocumentType.ResidentIdCard, first17 + ResidentIdNumber.ComputeCheckCharacter(first17), "13800138000",
            "江门市蓬江区建设路1号", "广东侨乡律师事务所 陈志明", false, "撤销被申请人作出的江市监罚〔2024〕12号行政处罚决定书。",
            "江门市市场监督管理局作出的江市监罚〔2024〕12号行政处罚决定书", null), new DateOnly(2024, 1, 29));
        c.Accept(Procedure.Ordinary, handler, At(1, 31), new CaseDocument("江府复受〔2024〕8号", "行政复议受理通知书"));
        if (kind == NoticeKind.Decision)
        {
            c.SendCopyToRespondent(handler, At(2, 2));
            c.RecordAnswer(handler, At(2, 20));
            c.Close(ReconsiderationOutcome.Uphold, handler, At(3, 28), new CaseDocument("江府行复〔2024〕8号", "行政复议决定书"));
        }

        return NoticeContent.Compose(c, kind, NoticeIssuer.Of("江门市司法局", null), WorkdayCalendarProvider.ShippedCalendar, new DateOnly(2024, 4, 1));
    }
}

using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Jixiao.Domain.Identity;
using Jixiao.Domain.Reconsideration;
using Jixiao.Features.Reconsideration;
using Jixiao.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Tests.Reconsideration;

/// <summary>Cases with past dates for the notice tests, and template edits as an administrator would make them in Word.</summary>
public static class NoticeCases
{
    public static readonly CaseActor Handler = new(0, "吴家豪", "jx.case");

    private static int sequence = 900;

    public static DateTimeOffset At(string day, int hour = 10) =>
        new(DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(8));

    /// <summary>
    /// A case of the unit received on the day from 梁嘉欣 against 江门市市场监督管理局, taken through <paramref name="steps"/>
    /// at past dates as the demo does, and stored directly; returns its id.
    /// </summary>
    public static async Task<int> SeedAsync(JixiaoDbContext db, string unitCode, string receivedOn, Action<ReconsiderationCase> steps)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(steps);
        var unit = await db.Units.SingleAsync(u => u.Code == unitCode);
        var received = DateOnly.ParseExact(receivedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var n = Interlocked.Increment(ref sequence);
        var first17 = "44070319880512" + (n % 1000).ToString("000", CultureInfo.InvariantCulture);
        var c = new ReconsiderationCase(unit.Id, $"{CaseNumbers.Prefix(unit)}〔{received.Year}〕{n}号", received, MatterCategory.AdministrativePenalty,
            ApplicationChannel.InPerson, ApplicantKind.Citizen, "梁嘉欣", "江门市市场监督管理局", Handler, At(receivedOn, 9));
        c.RecordParticulars(new ApplicationParticulars(IdDocumentType.ResidentIdCard, first17 + ResidentIdNumber.ComputeCheckCharacter(first17), "13800138000",
            "江门市蓬江区建设路1号", null, false, "撤销被申请人作出的行政处罚决定书。", "江门市市场监督管理局作出的江市监罚〔2024〕12号行政处罚决定书", null), received);
        steps(c);
        db.ReconsiderationCases.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    }

    /// <summary>The template with one more body paragraph before the signature.</summary>
    public static byte[] WithParagraph(byte[] template, string text)
    {
        ArgumentNullException.ThrowIfNull(template);
        using var stream = new MemoryStream();
        stream.Write(template);
        using (var document = WordprocessingDocument.Open(stream, true))
        {
            var body = document.MainDocumentPart!.Document.Body!;
            var last = body.Elements<Paragraph>().Reverse().Skip(3).First();
            last.InsertAfterSelf(new Paragraph(new Run(new Text(text))));
        }

        return stream.ToArray();
    }
}

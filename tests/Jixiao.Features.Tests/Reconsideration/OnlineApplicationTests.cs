using System.IO.Compression;
using System.Text;
using Jixiao.Domain;
using Jixiao.Domain.Identity;
using Jixiao.Domain.Reconsideration;
using Jixiao.Features.Demo;
using Jixiao.Features.Home;
using Jixiao.Features.Reconsideration;
using Jixiao.Infrastructure.Audit;
using Jixiao.Infrastructure.Challenges;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Documents;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Jixiao.Features.Tests.Reconsideration;

public sealed class OnlineApplicationTests(Apps apps) : IClassFixture<Apps>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    private static string IdNumber(string first17) => first17 + ResidentIdNumber.ComputeCheckCharacter(first17);

    private static SubmitOnlineApplication.Attachment File(string name, byte[] content) => new(name, content.Length, () => new MemoryStream(content));

    private static SubmitOnlineApplication.Command Application(string applicant, string idNumber, params SubmitOnlineApplication.Attachment[] files) => new(
        DemoData.CityBureau, ApplicantKind.Citizen, applicant, idNumber, "13926011234", "江门市蓬江区港口路8号", null,
        "江门市市场监督管理局", MatterCategory.AdministrativePenalty, "江市监罚〔2026〕31号行政处罚决定书", "撤销该行政处罚决定。",
        "申请人经营的餐馆于2026年10月被处以罚款，被申请人认定事实不清，程序违法。", false, files);

    /// <summary>Does what the browser's apply.js does: finds the nonce for a fresh challenge of the form.</summary>
    private static SubmitOnlineApplication.Proof Solve(IssuedChallenge challenge, string address)
    {
        for (var n = 0; ; n++)
        {
            var nonce = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (ProofOfWorkChallenges.Solves(challenge.Seed, nonce, challenge.Bits))
            {
                return new SubmitOnlineApplication.Proof(challenge.Token, nonce, null, address);
            }
        }
    }

    private static SubmitOnlineApplication.Proof NewProof(IServiceProvider services, string address) =>
        Solve(services.GetRequiredService<OnlineApplicationForm>().NewChallenge(), address);

    /// <summary>The hashes of the stored file contents (in the database since ADR-016).</summary>
    private static string[] StoredFiles(IServiceProvider services)
    {
        using var db = services.GetRequiredService<DatabaseSettings>().Create(CurrentUser.System("断言"));
        return [.. db.StoredFiles.Select(f => f.Sha256)];
    }

    private static byte[] Docx(bool word = true)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("[Content_Types].xml");
            zip.CreateEntry(word ? "word/document.xml" : "data/payload.bin");
        }

        return memory.ToArray();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Submit_Valid_LandsInTheRegisterOnlineWithAHashedQueryCode(string provider)
    {
        var app = await apps.Get(provider);
        const string address = "203.0.113.7";
        var idNumber = IdNumber("44070319900815112");
        SubmitOnlineApplication.Receipt receipt;
        await using (var anonymous = app.Services.CreateAsyncScope())
        {
            var sp = anonymous.ServiceProvider;
            receipt = await sp.GetRequiredService<SubmitOnlineApplication>().HandleAsync(
                Application("何秀英", idNumber, File("行政处罚决定书.pdf", Pdf), File("现场照片.PNG", Png), File("申请书.docx", Docx())), NewProof(sp, address));
        }

        receipt.CaseNumber.ShouldMatch(@"^江府复〔\d{4}〕\d+号$");
        receipt.QueryCode.ShouldMatch("^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$");
        receipt.BodyName.ShouldBe("江门市司法局");
        receipt.ReceivedOn.ShouldBe(DateOnly.FromDateTime(DateTime.Now));
        receipt.Attachments.Select(a => a.FileName).ShouldBe(["行政处罚决定书.pdf", "现场照片.PNG", "申请书.docx"]);

        await using (var db = app.Db())
        {
            var c = await db.ReconsiderationCases.SingleAsync(x => x.CaseNumber == receipt.CaseNumber);
            c.Channel.ShouldBe(ApplicationChannel.Online);
            c.ReceivedOn.ShouldBe(receipt.ReceivedOn);
            c.State.ShouldBe(CaseState.UnderReview);
            c.ApplicantIdNumber.ShouldBe(idNumber);
            c.RespondentName.ShouldBe("江门市市场监督管理局");
            (await db.Units.SingleAsync(u => u.Id == c.UnitId)).Code.ShouldBe(DemoData.CityBureau);
            var online = await db.OnlineApplications.Include(a => a.Attachments).SingleAsync(a => a.CaseId == c.Id);
            online.QueryCodeHash.ShouldNotContain(receipt.QueryCode.Replace("-", string.Empty, StringComparison.Ordinal));
            online.QueryCodeHash.ShouldStartWith("pbkdf2-sha256$");
            QueryCodes.Matches(receipt.QueryCode, online.QueryCodeHash).ShouldBeTrue();
            QueryCodes.Matches(receipt.QueryCode.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal), online.QueryCodeHash).ShouldBeTrue();
            QueryCodes.Matches("2222-2222-2222", online.QueryCodeHash).ShouldBeFalse();
            online.ClientAddress.ShouldBe(address);
            online.UnitId.ShouldBe(c.UnitId);
            online.Attachments.Select(f => f.Kind).ShouldBe([AttachmentKind.Pdf, AttachmentKind.Png, AttachmentKind.Docx]);
            online.Attachments.ShouldAllBe(f => f.UnitId == c.UnitId && f.Sha256.Length == 64);

            var audit = await db.AuditEntries.Where(e => e.EntityType == nameof(ReconsiderationCase) && e.EntityId == c.Id.ToString()).ToListAsync();
            audit.ShouldHaveSingleItem().Action.ShouldBe(AuditAction.Insert);
            audit[0].UserName.ShouldBe("public");
            audit[0].UserDisplayName.ShouldBe("网上申请人（公众）");
            audit[0].IpAddress.ShouldBe(address);
            var onlineAudit = await db.AuditEntries.SingleAsync(e => e.EntityType == nameof(OnlineApplication) && e.EntityId == online.Id.ToString());
            onlineAudit.Changes.ShouldNotContain("pbkdf2");
        }

        await using (var handler = await app.As("jx.case"))
        {
            var view = await handler.ServiceProvider.GetRequiredService<GetCase>().HandleAsync((await app.Db().ReconsiderationCases.SingleAsync(x => x.CaseNumber == receipt.CaseNumber)).Id);
            view.Case.Channel.ShouldBe("网上");
            view.Steps.ShouldHaveSingleItem().ActorName.ShouldBe(SubmitOnlineApplication.ActorName);
            var review = view.Deadlines.Single(d => d.Step == ReconsiderationStep.AcceptanceReview).Deadline;
            review.Due.ShouldBe(receipt.ReviewDue);

            var todos = await handler.ServiceProvider.GetRequiredService<TodoList>().HandleAsync();
            var todo = todos.Single(t => t.Title.Contains(receipt.CaseNumber, StringComparison.Ordinal));
            todo.Title.ShouldStartWith("网上申请待审查");
            todo.Due.ShouldBe(receipt.ReviewDue);

            var files = handler.ServiceProvider.GetRequiredService<OnlineApplicationFiles>();
            var submitted = await files.HandleAsync(view.Case.Id);
            submitted.ShouldNotBeNull().Files.Count.ShouldBe(3);
            submitted.FactsAndReasons.ShouldContain("程序违法");
            var (content, name, type) = await files.OpenAsync(submitted.Files[0].Id);
            await using (content)
            {
                using var copy = new MemoryStream();
                await content.CopyToAsync(copy);
                copy.ToArray().ShouldBe(Pdf);
            }

            name.ShouldBe("行政处罚决定书.pdf");
            type.ShouldBe("application/pdf");
        }

        await using var county = await app.As("jh.case");
        var countyFiles = county.ServiceProvider.GetRequiredService<OnlineApplicationFiles>();
        var caseId = (await app.Db().ReconsiderationCases.SingleAsync(x => x.CaseNumber == receipt.CaseNumber)).Id;
        (await countyFiles.HandleAsync(caseId)).ShouldBeNull();
        var fileId = await app.Db().OnlineApplications.Where(a => a.CaseId == caseId).SelectMany(a => a.Attachments).Select(f => f.Id).FirstAsync();
        await Should.ThrowAsync<NotFoundException>(() => countyFiles.OpenAsync(fileId));
        (await county.ServiceProvider.GetRequiredService<TodoList>().HandleAsync()).ShouldNotContain(t => t.Title.Contains(receipt.CaseNumber, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Submit_MissingForgedUnsolvedExpiredOrReplayedChallenge_IsRefusedAndNothingLands(string provider)
    {
        var app = await apps.Get(provider);
        const string address = "203.0.113.20";
        await using var anonymous = app.Services.CreateAsyncScope();
        var sp = anonymous.ServiceProvider;
        var submit = sp.GetRequiredService<SubmitOnlineApplication>();
        var challenges = sp.GetRequiredService<ProofOfWorkChallenges>();
        var command = Application("冯丽华", IdNumber("44078119750302442"));
        var before = await app.Db().ReconsiderationCases.CountAsync();

        async Task Refused(SubmitOnlineApplication.Proof proof, SubmissionRefusal reason) =>
            (await Should.ThrowAsync<SubmissionRefusedException>(() => submit.HandleAsync(command, proof))).Reason.ShouldBe(reason);

        await Refused(new(null, null, null, address), SubmissionRefusal.ChallengeMissing);
        var solved = NewProof(sp, address);
        await Refused(solved with { Nonce = null }, SubmissionRefusal.ChallengeMissing);
        await Refused(solved with { ChallengeToken = solved.ChallengeToken![..^4] + "AAAA" }, SubmissionRefusal.ChallengeForged);
        await Refused(solved with { ChallengeToken = "not-a-token" }, SubmissionRefusal.ChallengeForged);
        var otherForm = challenges.Issue("another-form", 4, TimeSpan.FromMinutes(5));
        await Refused(Solve(otherForm, address), SubmissionRefusal.ChallengeForged);
        var unsolved = sp.GetRequiredService<OnlineApplicationForm>().NewChallenge();
        var wrong = Enumerable.Range(0, 1000).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)).First(n => !ProofOfWorkChallenges.Solves(unsolved.Seed, n, unsolved.Bits));
        await Refused(new(unsolved.Token, wrong, null, address), SubmissionRefusal.ChallengeUnsolved);
        await Refused(Solve(challenges.Issue(SubmitOnlineApplication.Form, 4, TimeSpan.FromSeconds(-1)), address), SubmissionRefusal.ChallengeExpired);
        await Refused(solved with { Honeypot = "http://spam.example" }, SubmissionRefusal.Honeypot);
        (await app.Db().ReconsiderationCases.CountAsync()).ShouldBe(before);

        // The solved challenge buys one application: used once, refused on this node and on another.
        await submit.HandleAsync(command, solved);
        await Refused(solved, SubmissionRefusal.ChallengeReplayed);
        using (var second = app.StartSecondNode())
        {
            await using var scope = second.Services.CreateAsyncScope();
            var onSecond = scope.ServiceProvider.GetRequiredService<SubmitOnlineApplication>();
            (await Should.ThrowAsync<SubmissionRefusedException>(() => onSecond.HandleAsync(command, solved))).Reason.ShouldBe(SubmissionRefusal.ChallengeReplayed);

            // A challenge issued by one node is good on the other (Data Protection keys in the database), once.
            var fromFirst = NewProof(sp, address);
            await onSecond.HandleAsync(command, fromFirst);
            await Refused(fromFirst, SubmissionRefusal.ChallengeReplayed);
        }

        (await app.Db().ReconsiderationCases.CountAsync()).ShouldBe(before + 2);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Submit_FloodFromOneAddress_IsRefusedBeyondTheLimit(string provider)
    {
        var app = await apps.Get(provider);
        const string address = "198.51.100.66";
        await using var anonymous = app.Services.CreateAsyncScope();
        var sp = anonymous.ServiceProvider;
        var submit = sp.GetRequiredService<SubmitOnlineApplication>();
        var limit = sp.GetRequiredService<IOptions<OnlineApplicationOptions>>().Value.ApplicationsPerAddressPerHour;
        for (var i = 0; i < limit; i++)
        {
            await submit.HandleAsync(Application($"批量申请人{i}", IdNumber("44070419850101" + (100 + i).ToString(System.Globalization.CultureInfo.InvariantCulture))), NewProof(sp, address));
        }

        var before = await app.Db().ReconsiderationCases.CountAsync();
        var refused = await Should.ThrowAsync<SubmissionRefusedException>(() => submit.HandleAsync(Application("批量申请人X", IdNumber("44070419850101999")), NewProof(sp, address)));
        refused.Reason.ShouldBe(SubmissionRefusal.TooManyFromAddress);
        refused.Message.ShouldContain($"最多提交 {limit} 件");
        (await app.Db().ReconsiderationCases.CountAsync()).ShouldBe(before);

        // Without solving challenges a script gets nowhere at all.
        var scripted = new SubmitOnlineApplication.Proof("x", "1", null, "198.51.100.67");
        for (var i = 0; i < 20; i++)
        {
            await Should.ThrowAsync<SubmissionRefusedException>(() => submit.HandleAsync(Application("脚本", IdNumber("44070419850101888")), scripted));
        }

        (await app.Db().ReconsiderationCases.CountAsync()).ShouldBe(before);

        // Another address is not held back by the first one's flood.
        await submit.HandleAsync(Application("邻居申请人", IdNumber("44070419850101777")), NewProof(sp, "198.51.100.68"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Status_OnlyTheRightNumberCodeAndIdNumber_ShowTheStagesAndNothingElse(string provider)
    {
        var app = await apps.Get(provider);
        const string address = "203.0.113.30";
        var idNumber = IdNumber("44078319681120331");
        SubmitOnlineApplication.Receipt receipt;
        SubmitOnlineApplication.Receipt other;
        await using (var anonymous = app.Services.CreateAsyncScope())
        {
            var sp = anonymous.ServiceProvider;
            receipt = await sp.GetRequiredService<SubmitOnlineApplication>().HandleAsync(Application("司徒伟明", idNumber), NewProof(sp, address));
            other = await sp.GetRequiredService<SubmitOnlineApplication>().HandleAsync(Application("司徒伟光", IdNumber("44078319681120332")), NewProof(sp, address));
        }

        await using (var anonymous = app.Services.CreateAsyncScope())
        {
            var status = anonymous.ServiceProvider.GetRequiredService<OnlineApplicationStatus>();
            var progress = (await status.HandleAsync(receipt.CaseNumber, receipt.QueryCode, idNumber, address)).ShouldNotBeNull();
            progress.CaseNumber.ShouldBe(receipt.CaseNumber);
            progress.Stages.Select(s => (s.Name, s.On, s.Current)).ShouldBe([("已收到", receipt.ReceivedOn, false), ("审查中", receipt.ReceivedOn, true)]);
            (await status.HandleAsync($" {receipt.CaseNumber} ", receipt.QueryCode.ToLowerInvariant(), idNumber.ToLowerInvariant(), address)).ShouldNotBeNull();

            (await status.HandleAsync(receipt.CaseNumber, receipt.QueryCode, IdNumber("44078319681120339"), address)).ShouldBeNull();
            (await status.HandleAsync(receipt.CaseNumber, other.QueryCode, idNumber, address)).ShouldBeNull();
            (await status.HandleAsync(receipt.CaseNumber, "2345-6789-ABCD", idNumber, address)).ShouldBeNull();
            (await status.HandleAsync(receipt.CaseNumber, null, idNumber, address)).ShouldBeNull();
            (await status.HandleAsync(receipt.CaseNumber, receipt.QueryCode, null, address)).ShouldBeNull();
            (await status.HandleAsync("江府复〔1999〕1号", receipt.QueryCode, idNumber, address)).ShouldBeNull();
            (await status.HandleAsync(null, receipt.QueryCode, idNumber, address)).ShouldBeNull();
        }

        await using (var handler = await app.As("jx.case"))
        {
            var id = (await app.Db().ReconsiderationCases.SingleAsync(c => c.CaseNumber == receipt.CaseNumber)).Id;
            await handler.ServiceProvider.GetRequiredService<CaseActions>().AcceptAsync(id, Procedure.Ordinary);
        }

        await using (var anonymous = app.Services.CreateAsyncScope())
        {
            var progress = await anonymous.ServiceProvider.GetRequiredService<OnlineApplicationStatus>().HandleAsync(receipt.CaseNumber, receipt.QueryCode, idNumber, address);
            progress.ShouldNotBeNull().Stages.Select(s => s.Name).ShouldBe(["已收到", "已受理", "审理中"]);
            progress.Stages.Single(s => s.Current).Name.ShouldBe("审理中");
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Submit_OversizedOrWrongTypeAttachments_AreRefusedAndNothingIsWritten(string provider)
    {
        var app = await apps.Get(provider);
        const string address = "203.0.113.40";
        await using var anonymous = app.Services.CreateAsyncScope();
        var sp = anonymous.ServiceProvider;
        var submit = sp.GetRequiredService<SubmitOnlineApplication>();
        var idNumber = IdNumber("44070519920606551");
        var proof = NewProof(sp, address);
        var cases = await app.Db().ReconsiderationCases.CountAsync();
        var files = StoredFiles(sp);

        async Task<IReadOnlyList<ValidationProblem>> Refused(params SubmitOnlineApplication.Attachment[] attachments)
        {
            var problems = (await Should.ThrowAsync<ValidationException>(() => submit.HandleAsync(Application("钟雅琪", idNumber, attachments), proof))).Problems;
            problems.ShouldContain(p => p.Field == "附件");
            return problems;
        }

        var big = new byte[(int)OnlineAttachment.MaxBytes + 1];
        Pdf.CopyTo(big, 0);
        (await Refused(File("扫描件.pdf", big))).Single().Message.ShouldContain("过大");
        (await Refused(File("程序.exe", "MZ\x90\0"u8.ToArray()))).Single().Message.ShouldContain("类型不能接受");
        (await Refused(File("伪装.pdf", "MZ\x90\0\x03\0\0\0"u8.ToArray()))).Single().Message.ShouldContain("内容不是PDF");
        (await Refused(File("照片.jpg", Png))).Single().Message.ShouldContain("与扩展名不符");
        (await Refused(File("压缩包.docx", Docx(word: false)))).Single().Message.ShouldContain("内容不是Word");
        (await Refused(File("空.png", []))).Single().Message.ShouldContain("空文件");
        (await Refused([.. Enumerable.Range(1, OnlineAttachment.MaxCount + 1).Select(i => File($"材料{i}.pdf", Pdf))])).Single().Message.ShouldContain("最多5个");
        var mixed = await Refused(File("决定书.pdf", Pdf), File("脚本.js", "alert(1)"u8.ToArray()));
        mixed.Single().Message.ShouldContain("第2个附件“脚本.js”");

        (await app.Db().ReconsiderationCases.CountAsync()).ShouldBe(cases);
        StoredFiles(sp).ShouldBe(files, ignoreOrder: true);

        // Nothing was used up either: the same solved challenge still carries a correct application.
        byte[] unique = [.. Pdf, .. Encoding.ASCII.GetBytes("%" + Guid.NewGuid().ToString("N") + "\n")];
        var receipt = await submit.HandleAsync(Application("钟雅琪", idNumber, File("决定书.pdf", unique)), proof);
        receipt.Attachments.ShouldHaveSingleItem();
        StoredFiles(sp).Length.ShouldBeGreaterThan(files.Length);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Submit_InvalidFields_ListsEachProblemByField(string provider)
    {
        var app = await apps.Get(provider);
        const string address = "203.0.113.50";
        await using var anonymous = app.Services.CreateAsyncScope();
        var sp = anonymous.ServiceProvider;
        var submit = sp.GetRequiredService<SubmitOnlineApplication>();
        var bad = Application("  ", "440703199008151120") with
        {
            BodyCode = "CZ440700",
            Phone = "",
            FactsAndReasons = "",
            ApplicantKind = ApplicantKind.Enterprise,
        };
        var problems = (await Should.ThrowAsync<ValidationException>(() => submit.HandleAsync(bad, NewProof(sp, address)))).Problems;
        problems.Select(p => p.Field).ShouldBe(["申请人", "证件号码", "事实和理由", "联系电话", "复议机关"], ignoreOrder: true);

        var bodies = await sp.GetRequiredService<OnlineApplicationForm>().BodiesAsync();
        bodies.Select(b => b.Code).ShouldBe(["440700", "440703", "440704", "440705", "440781", "440783", "440784", "440785"]);

        var enterprise = Application("江门市蓬江区好味餐饮有限公司", "91440703MA4UJ8K2XW") with { ApplicantKind = ApplicantKind.Enterprise };
        var code = "91440703MA4UJ8K2X";
        enterprise = enterprise with { IdNumber = code + UnifiedSocialCreditCode.ComputeCheckCharacter(code), BodyCode = "440703" };
        var receipt = await submit.HandleAsync(enterprise, NewProof(sp, address));
        receipt.CaseNumber.ShouldStartWith("蓬江府复〔");
        await using var db = app.Db();
        var c = await db.ReconsiderationCases.SingleAsync(x => x.CaseNumber == receipt.CaseNumber);
        c.EnterpriseRelated.ShouldBeTrue();
        c.ApplicantIdType.ShouldBe(IdDocumentType.UnifiedSocialCreditCode);
    }
}

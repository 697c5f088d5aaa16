using System.IO.Compression;
using Jixiao.Domain;
using Jixiao.Domain.Reconsideration;
using Jixiao.Infrastructure.Calendar;
using Jixiao.Infrastructure.Challenges;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Documents;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jixiao.Features.Reconsideration;

/// <summary>Why a submission of the public form was turned away before its content was looked at.</summary>
public enum SubmissionRefusal
{
    ChallengeMissing = 1,
    ChallengeForged = 2,
    ChallengeExpired = 3,
    ChallengeUnsolved = 4,
    ChallengeReplayed = 5,
    Honeypot = 6,
    TooManyFromAddress = 7,
}

/// <summary>A submission refused by the abuse protection (ADR-012); the message tells a person what to do.</summary>
public sealed class SubmissionRefusedException(SubmissionRefusal reason, string message) : DomainException(message)
{
    public SubmissionRefusal Reason { get; } = reason;
}

/// <summary>
/// An application submitted on the public page (网上申请), without sign-in. The submission must carry
/// a solved, unused challenge and an empty honeypot field and stay within the per-address limit; then
/// it is checked like a registration at the counter, its files by their content, and the case enters
/// the register of the chosen body with channel 网上, received today, under review. The applicant gets
/// the case number and a query code, shown once and stored only as a hash. The database records the
/// public applicant with the client's address as the author of every row (audit log).
/// </summary>
public sealed class SubmitOnlineApplication(
    DatabaseSettings database, ProofOfWorkChallenges challenges, FileStore files, TimeProvider clock,
    WorkdayCalendarProvider calendar, OnlineApplicationForm form, IOptions<OnlineApplicationOptions> options)
{
    /// <summary>The challenge purpose of this form.</summary>
    public const string Form = "online-application";

    /// <summary>The name the register's history shows as the one who registered an online application.</summary>
    public const string ActorName = "网上申请（申请人提交）";

    public sealed record Attachment(string FileName, long Size, Func<Stream> OpenRead);

    public sealed record Command(
        string BodyCode,
        ApplicantKind ApplicantKind,
        string ApplicantName,
        string IdNumber,
        string? Phone,
        string? Address,
        string? AgentName,
        string Respondent,
        MatterCategory Matter,
        string ContestedAct,
        string Requests,
        string FactsAndReasons,
        bool EnterpriseRelated,
        IReadOnlyList<Attachment> Attachments);

    /// <summary>What the browser proves: the challenge token and its answer, the honeypot field, and where it posts from.</summary>
    public sealed record Proof(string? ChallengeToken, string? Nonce, string? Honeypot, string? ClientAddress);

    public sealed record AttachedFile(string FileName, long Size);

    /// <summary>The receipt (回执): the query code appears here and nowhere else, ever.</summary>
    public sealed record Receipt(string CaseNumber, string QueryCode, string BodyName, DateOnly ReceivedOn, DateOnly? ReviewDue, IReadOnlyList<AttachedFile> Attachments);

    public async Task<Receipt> HandleAsync(Command command, Proof proof, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(proof);
        var challenge = Check(proof);
        var problems = await CheckAttachmentsAsync(command.Attachments ?? [], cancellationToken);
        problems.AddRange(OnlineApplication.FactsProblems(command.FactsAndReasons));
        if (string.IsNullOrWhiteSpace(command.Phone))
        {
            problems.Add(new("联系电话", "联系电话不能为空：复议机关需要与您联系。"));
        }

        if (string.IsNullOrWhiteSpace(command.Address))
        {
            problems.Add(new("住所", "住所（送达地址）不能为空：复议机关需要向您送达文书。"));
        }

        var bodies = await form.BodiesAsync(cancellationToken);
        var body = bodies.FirstOrDefault(b => b.Code == command.BodyCode);
        if (body is null)
        {
            problems.Add(new("复议机关", "请选择受理申请的行政复议机关。"));
        }

        var address = string.IsNullOrWhiteSpace(proof.ClientAddress) ? null : proof.ClientAddress.Trim();
        var code = QueryCodes.Generate();
        var codeHash = QueryCodes.Hash(code);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SaveAsync(command, challenge, body, address, code, codeHash, problems, cancellationToken);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Two applications to the same body at the same moment took the same case number: the
                // transaction rolled back (challenge included); count again.
            }
        }
    }

    private VerifiedChallenge Check(Proof proof)
    {
        if (!string.IsNullOrEmpty(proof.Honeypot))
        {
            throw new SubmissionRefusedException(SubmissionRefusal.Honeypot, "提交未通过安全校验，请刷新页面后重新提交。");
        }

        var (challenge, refusal) = challenges.Verify(Form, proof.ChallengeToken, proof.Nonce);
        return refusal switch
        {
            null => challenge!,
            ChallengeRefusal.Missing => throw new SubmissionRefusedException(SubmissionRefusal.ChallengeMissing,
                "缺少安全校验结果：本页需要浏览器运行 JavaScript 完成安全校验，请启用后重新提交。"),
            ChallengeRefusal.Expired => throw new SubmissionRefusedException(SubmissionRefusal.ChallengeExpired,
                $"页面已打开超过 {options.Value.ChallengeMinutes} 分钟，安全校验已过期：请重新提交（所填内容已保留，附件需重新选择）。"),
            ChallengeRefusal.Unsolved => throw new SubmissionRefusedException(SubmissionRefusal.ChallengeUnsolved,
                "安全校验未通过，请重新提交。"),
            _ => throw new SubmissionRefusedException(SubmissionRefusal.ChallengeForged, "安全校验未通过，请刷新页面后重新提交。"),
        };
    }

    private async Task<Receipt> SaveAsync(Command command, VerifiedChallenge challenge, OnlineApplicationForm.Body? body, string? address,
        string code, string codeHash, List<ValidationProblem> checkedProblems, CancellationToken cancellationToken)
    {
        var now = clock.GetLocalNow();
        var since = clock.GetUtcNow().UtcDateTime.AddHours(-1);
        await using var db = database.Create(CurrentUser.PublicApplicant(address));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await challenges.TryUseAsync(db, challenge, cancellationToken))
        {
            throw new SubmissionRefusedException(SubmissionRefusal.ChallengeReplayed, "该安全校验已使用过（可能是重复提交）。如需再次提交，请刷新页面后重新填写。");
        }

        var limit = options.Value.ApplicationsPerAddressPerHour;
        if (await db.OnlineApplications.CountAsync(a => a.ClientAddress == address && a.SubmittedAt >= since, cancellationToken) >= limit)
        {
            throw new SubmissionRefusedException(SubmissionRefusal.TooManyFromAddress,
                $"同一网络地址一小时内最多提交 {limit} 件申请，请稍后再试；也可以到行政复议机关当面或邮寄提交申请。");
        }

        var register = new RegisterApplication.Command(
            command.BodyCode ?? string.Empty, DateOnly.FromDateTime(now.DateTime), command.Matter, ApplicationChannel.Online, command.ApplicantKind,
            command.ApplicantName ?? string.Empty,
            command.ApplicantKind == ApplicantKind.Citizen ? IdDocumentType.ResidentIdCard : IdDocumentType.UnifiedSocialCreditCode,
            command.IdNumber ?? string.Empty, command.Phone, command.Address, command.AgentName, command.EnterpriseRelated,
            command.Requests ?? string.Empty, command.ContestedAct ?? string.Empty, command.Respondent);
        var agency = string.IsNullOrWhiteSpace(command.Respondent) ? null
            : await db.Agencies.AsNoTracking().Where(a => a.Name == command.Respondent.Trim()).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken);
        var (c, problems) = await RegisterApplication.BuildAsync(db, register with { RespondentAgencyId = agency }, new CaseActor(0, ActorName, "public"), now, cancellationToken);
        problems.RemoveAll(p => p.Field == "复议机关"); // the body was checked against the list the form offers
        problems.AddRange(checkedProblems);
        ValidationException.ThrowIfAny(problems);

        var stored = new List<OnlineAttachment>();
        foreach (var file in command.Attachments ?? [])
        {
            await using var content = file.OpenRead();
            var (sha, size) = await files.SaveAsync(db, content, OnlineAttachment.MaxBytes, cancellationToken);
            stored.Add(new OnlineAttachment(file.FileName, OnlineAttachment.KindOfName(OnlineAttachment.BaseName(file.FileName))!.Value, size, sha));
        }

        db.OnlineApplications.Add(new OnlineApplication(c!, codeHash, command.FactsAndReasons, clock.GetUtcNow().UtcDateTime, address, stored));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var (deadlines, _) = CaseSupport.DeadlinesOf(c!, calendar.Calendar, c!.ReceivedOn);
        var reviewDue = deadlines.FirstOrDefault(d => d.Step == ReconsiderationStep.AcceptanceReview)?.Deadline.Due;
        return new Receipt(c.CaseNumber, code, body!.Name, c.ReceivedOn, reviewDue, [.. stored.Select(s => new AttachedFile(s.FileName, s.Size))]);
    }

    /// <summary>
    /// Checks every file before anything is stored: the set (count, total size), then each file's
    /// name, size and content — the first bytes must show the kind its extension promises, and a
    /// .docx must be a Word package without macros.
    /// </summary>
    private static async Task<List<ValidationProblem>> CheckAttachmentsAsync(IReadOnlyList<Attachment> attachments, CancellationToken cancellationToken)
    {
        var problems = OnlineAttachment.SetProblems([.. attachments.Select(a => (a.FileName, a.Size))]);
        for (var i = 0; i < attachments.Count; i++)
        {
            var file = attachments[i];
            AttachmentKind? kind = null;
            if (file.Size is > 0 and <= OnlineAttachment.MaxBytes)
            {
                await using var content = file.OpenRead();
                var head = new byte[8];
                var read = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
                kind = OnlineAttachment.Recognise(head.AsSpan(0, read));
                if (kind == AttachmentKind.Docx && !await IsWordPackageAsync(file, cancellationToken))
                {
                    kind = null;
                }
            }

            problems.AddRange(OnlineAttachment.Problems(i + 1, file.FileName, file.Size, kind));
        }

        return problems;
    }

    private static async Task<bool> IsWordPackageAsync(Attachment file, CancellationToken cancellationToken)
    {
        try
        {
            await using var content = file.OpenRead();
            await using var zip = await ZipArchive.CreateAsync(content, ZipArchiveMode.Read, leaveOpen: false, entryNameEncoding: null, cancellationToken);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return names.Contains("[Content_Types].xml") && names.Contains("word/document.xml") && !names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase));
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}

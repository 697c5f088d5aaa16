using System.Security.Cryptography;
using Jixiao.Domain;
using Jixiao.Domain.Organization;
using Jixiao.Domain.Reconsideration;
using Jixiao.Features.Performance;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Documents;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Reconsideration;

/// <summary>A kind of notice as the template page shows it: the template in use and the placeholders it may use.</summary>
public sealed record NoticeTemplateRow(
    NoticeKind Kind, string Key, string Title, string Recipient, bool Custom, string? FileName, long? Size, DateTime? UploadedAt, string? UploadedBy,
    IReadOnlyList<NoticeField> Fields);

/// <summary>
/// 文书模板: administrators download the default template of a kind of notice, upload a replacement and restore
/// the default. An upload is checked first: a real Word document (.docx) whose placeholders are all known for
/// its kind; every problem is listed and nothing is stored until there are none.
/// </summary>
public sealed class ManageNoticeTemplates(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user, TimeProvider clock)
{
    /// <summary>What an accepted upload leaves to be aware of: placeholders of the kind that the template does not use.</summary>
    public sealed record UploadResult(IReadOnlyList<string> UnusedPlaceholders);

    public async Task<IReadOnlyList<NoticeTemplateRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        user.Require(Area.Administration);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.NoticeTemplates.AsNoTracking()
            .Select(t => new { t.Kind, t.FileName, t.Size, t.UploadedAt, t.UploadedBy })
            .ToDictionaryAsync(t => t.Kind, cancellationToken);
        return [.. Notices.All.Select(k => stored.TryGetValue(k, out var t)
            ? new NoticeTemplateRow(k, Notices.Key(k), Notices.Title(k), Notices.Recipient(k), true, t.FileName, t.Size, t.UploadedAt, t.UploadedBy, Notices.Fields(k))
            : new NoticeTemplateRow(k, Notices.Key(k), Notices.Title(k), Notices.Recipient(k), false, null, null, null, null, Notices.Fields(k)))];
    }

    /// <summary>The template in use for the kind, or the shipped default when <paramref name="defaultTemplate"/> is true.</summary>
    public async Task<OutputFile> DownloadAsync(NoticeKind kind, bool defaultTemplate, CancellationToken cancellationToken = default)
    {
        user.Require(Area.Administration);
        if (!defaultTemplate)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var stored = await db.NoticeTemplates.AsNoTracking().Where(t => t.Kind == kind).Select(t => new { t.Content }).FirstOrDefaultAsync(cancellationToken);
            if (stored is not null)
            {
                return new OutputFile(stored.Content, $"{Notices.Title(kind)}模板.docx", DocxTemplate.ContentType);
            }
        }

        return new OutputFile(DefaultNoticeTemplates.Get(kind), $"{Notices.Title(kind)}模板（默认）.docx", DocxTemplate.ContentType);
    }

    /// <summary>Checks the file and makes it the kind's template.</summary>
    /// <exception cref="ValidationException">Not a .docx, too large, not a Word document, placeholders written wrongly or unknown for the kind; every problem is listed.</exception>
    public async Task<UploadResult> UploadAsync(NoticeKind kind, string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        user.Require(Area.Administration, write: true);
        if (!Enum.IsDefined(kind))
        {
            throw new ValidationException([new("文书", "请选择文书种类。")]);
        }

        var name = Path.GetFileName(fileName ?? string.Empty).Trim();
        if (!name.EndsWith(".docx", StringComparison.OrdinalIgnoreCase))
        {
            throw new ValidationException([new("文件", $"“{name}”不是 .docx 文件：请上传 Word 文档（.docx）；.doc、.wps 请先另存为 .docx。")]);
        }

        var bytes = await ReadAsync(content, cancellationToken);
        TemplateScan scan;
        try
        {
            scan = DocxTemplate.Scan(bytes);
        }
        catch (DomainException e) when (e is not ValidationException)
        {
            throw new ValidationException([new("文件", $"“{name}”：{e.Message}")]);
        }

        var known = Notices.Fields(kind).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var problems = scan.Problems.Select(p => new ValidationProblem("模板", p)).ToList();
        problems.AddRange(scan.Placeholders.Where(p => !known.Contains(p)).Select(p =>
            new ValidationProblem("模板", $"未知的占位符“{{{{{p}}}}}”：{Notices.Title(kind)}模板不能使用它，可用的占位符见页面上的列表。")));
        ValidationException.ThrowIfAny(problems);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var template = await db.NoticeTemplates.FirstOrDefaultAsync(t => t.Kind == kind, cancellationToken);
        if (template is null)
        {
            template = new NoticeTemplate { Kind = kind };
            db.NoticeTemplates.Add(template);
        }

        template.FileName = name.Length > 200 ? name[^200..] : name;
        template.Content = bytes;
        template.Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        template.Size = bytes.Length;
        template.UploadedAt = clock.GetUtcNow().UtcDateTime;
        template.UploadedBy = user.DisplayName;
        await db.SaveChangesAsync(cancellationToken);
        return new UploadResult([.. known.Where(k => !scan.Placeholders.Contains(k))]);
    }

    /// <summary>Removes the administrator's template: the shipped default applies again.</summary>
    public async Task RestoreDefaultAsync(NoticeKind kind, CancellationToken cancellationToken = default)
    {
        user.Require(Area.Administration, write: true);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var template = await db.NoticeTemplates.FirstOrDefaultAsync(t => t.Kind == kind, cancellationToken)
            ?? throw new NotFoundException($"{Notices.Title(kind)}已在使用默认模板。");
        db.NoticeTemplates.Remove(template);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<byte[]> ReadAsync(Stream content, CancellationToken cancellationToken)
    {
        using var memory = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (memory.Length + read > DocxTemplate.MaxBytes)
            {
                throw new ValidationException([new("文件", $"模板文件过大：最大 {DocxTemplate.MaxBytes / 1024 / 1024} MB。")]);
            }

            await memory.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return memory.ToArray();
    }
}

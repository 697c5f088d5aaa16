using System.Text.Json;
using System.Text.Json.Serialization;
using Jixiao.Domain;
using Jixiao.Domain.Organization;
using Jixiao.Domain.Scoring;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Performance;

/// <summary>
/// Scoring profiles: the shipped ones (code data) and administrators' copies (stored, one row per
/// version, so an evaluation scored under version 2 can always be re-scored under version 2).
/// </summary>
public sealed class ScoringProfileStore(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public sealed record ProfileRow(string Name, int Version, string DisplayName, bool IsBuiltIn, ScoringProfile Profile);

    /// <summary>The latest version of every profile.</summary>
    public async Task<IReadOnlyList<ProfileRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.ScoringProfiles.AsNoTracking().ToListAsync(cancellationToken);
        var latest = stored.GroupBy(p => p.Name).Select(g => g.MaxBy(p => p.Version)!)
            .Select(p => new ProfileRow(p.Name, p.Version, p.DisplayName, false, Parse(p.Json)));
        return [.. ScoringProfiles.All.Select(p => new ProfileRow(p.Name, p.Version, p.DisplayName, true, p)), .. latest];
    }

    /// <summary>A profile by name and version (latest when no version is given).</summary>
    public async Task<ScoringProfile> GetAsync(string name, int? version = null, CancellationToken cancellationToken = default)
    {
        var builtIn = ScoringProfiles.All.FirstOrDefault(p => p.Name == name);
        if (builtIn is not null && (version is null || version == builtIn.Version))
        {
            return builtIn;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.ScoringProfiles.AsNoTracking().Where(p => p.Name == name);
        var row = version is { } v
            ? await query.FirstOrDefaultAsync(p => p.Version == v, cancellationToken)
            : await query.OrderByDescending(p => p.Version).FirstOrDefaultAsync(cancellationToken);
        return row is null
            ? throw new NotFoundException($"评分方案“{name}”{(version is { } x ? $"第 {x} 版" : string.Empty)}不存在。可用方案：{string.Join("、", ScoringProfiles.All.Select(p => p.Name))}。")
            : Parse(row.Json);
    }

    /// <summary>Saves an administrator's profile: a new name starts at version 1, an existing one gets the next version.</summary>
    public async Task<ScoringProfile> SaveAsync(ScoringProfile profile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        user.Require(Area.Administration, write: true);
        if (ScoringProfiles.All.Any(p => p.Name == profile.Name))
        {
            throw new DomainException($"“{profile.Name}”是系统内置方案，不能修改；请复制后以新代码保存。");
        }

        if (string.IsNullOrWhiteSpace(profile.Name) || !profile.Name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw new ValidationException([new("Name", "方案代码只能由字母、数字和“-”组成。")]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var latest = await db.ScoringProfiles.Where(p => p.Name == profile.Name).MaxAsync(p => (int?)p.Version, cancellationToken) ?? 0;
        var saved = profile with { Version = latest + 1 };
        var problems = saved.Validate();
        if (problems.Count > 0)
        {
            throw new ValidationException([.. problems.Select(p => new ValidationProblem("Profile", p))]);
        }

        db.ScoringProfiles.Add(new StoredScoringProfile
        {
            Name = saved.Name,
            Version = saved.Version,
            DisplayName = saved.DisplayName,
            Json = JsonSerializer.Serialize(saved, Json),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = user.UserName,
        });
        await db.SaveChangesAsync(cancellationToken);
        return saved;
    }

    private static ScoringProfile Parse(string json) =>
        JsonSerializer.Deserialize<ScoringProfile>(json, Json) ?? throw new DomainException("评分方案数据已损坏。");
}

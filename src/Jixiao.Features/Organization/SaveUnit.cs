using Jixiao.Domain;
using Jixiao.Domain.Organization;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Organization;

/// <summary>Creates a unit or changes one (name, level, kind, parent). Moving a unit under itself is refused.</summary>
public sealed class SaveUnit(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user, UnitDirectory directory)
{
    public sealed record Command(int? Id, string Code, string Name, string? ShortName, UnitLevel Level, UnitKind Kind, string? ParentCode, int SortOrder = 0, bool IsActive = true);

    public async Task<int> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        user.Require(Area.Administration, write: true);
        var problems = new List<ValidationProblem>();
        if (string.IsNullOrWhiteSpace(command.Code))
        {
            problems.Add(new(nameof(command.Code), "单位代码不能为空。"));
        }

        if (string.IsNullOrWhiteSpace(command.Name))
        {
            problems.Add(new(nameof(command.Name), "单位名称不能为空。"));
        }
        else if (command.Name.Trim().Length > 100)
        {
            problems.Add(new(nameof(command.Name), "单位名称不能超过 100 个字。"));
        }

        ValidationException.ThrowIfAny(problems);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var code = command.Code.Trim();
        int? parentId = null;
        if (!string.IsNullOrWhiteSpace(command.ParentCode))
        {
            parentId = await db.Units.Where(u => u.Code == command.ParentCode.Trim()).Select(u => (int?)u.Id).FirstOrDefaultAsync(cancellationToken)
                ?? throw new ValidationException([new("ParentCode", $"上级单位“{command.ParentCode}”不存在或不在您的数据范围内。")]);
        }

        if (await db.Units.IgnoreQueryFilters().AnyAsync(u => u.Code == code && u.Id != (command.Id ?? 0), cancellationToken))
        {
            throw new ValidationException([new(nameof(command.Code), $"单位代码“{code}”已被使用。")]);
        }

        Unit unit;
        if (command.Id is { } id)
        {
            unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, cancellationToken)
                ?? throw new NotFoundException($"单位 {id} 不存在或不在您的数据范围内。");
            if (unit.Code != code)
            {
                throw new ValidationException([new(nameof(command.Code), "单位代码创建后不能修改：其他数据和命令行按代码引用单位。")]);
            }

            unit.Rename(command.Name, command.ShortName ?? string.Empty, command.Level, command.Kind, command.SortOrder);
            if (unit.ParentId != parentId)
            {
                var tree = new UnitTree(await db.Units.IgnoreQueryFilters().Select(u => new ValueTuple<int, int?>(u.Id, u.ParentId)).ToListAsync(cancellationToken));
                unit.MoveTo(parentId, tree);
            }
        }
        else
        {
            unit = new Unit(code, command.Name, command.ShortName ?? string.Empty, command.Level, command.Kind, parentId, command.SortOrder);
            db.Units.Add(unit);
        }

        if (command.IsActive)
        {
            unit.Activate();
        }
        else
        {
            unit.Deactivate();
        }

        await db.SaveChangesAsync(cancellationToken);
        directory.Invalidate();
        return unit.Id;
    }
}

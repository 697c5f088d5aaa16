using System.Text.Json;
using Jixiao.Domain.Organization;
using Jixiao.Domain.Privacy;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Scope;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Jixiao.Infrastructure.Audit;

/// <summary>
/// The one place where every insert, update and delete is checked and written to the audit log:
/// it refuses changes outside the user's data scope and any change to the audit log itself, and
/// writes the audit lines in the same transaction as the change, with the ids of new rows.
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Prepare(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Prepare(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is JixiaoDbContext db && Pending.TryGetValue(db, out var pending))
        {
            Pending.Remove(db);
            db.AuditEntries.AddRange(pending.Complete(clock));
            db.SaveChanges();
            pending.Commit();
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is JixiaoDbContext db && Pending.TryGetValue(db, out var pending))
        {
            Pending.Remove(db);
            db.AuditEntries.AddRange(pending.Complete(clock));
            await db.SaveChangesAsync(cancellationToken);
            await pending.CommitAsync(cancellationToken);
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is JixiaoDbContext db && Pending.TryGetValue(db, out var pending))
        {
            Pending.Remove(db);
            pending.Rollback();
        }
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is JixiaoDbContext db && Pending.TryGetValue(db, out var pending))
        {
            Pending.Remove(db);
            await pending.RollbackAsync(cancellationToken);
        }
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, PendingAudit> Pending = [];

    private static void Prepare(DbContext? context)
    {
        if (context is not JixiaoDbContext db || Pending.TryGetValue(db, out _))
        {
            return;
        }

        var user = db.CurrentUser;
        var drafts = new List<Draft>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            if (entry.Entity is AuditEntry)
            {
                if (entry.State != EntityState.Added)
                {
                    throw new ForbiddenException("审计日志只能追加，不能修改或删除。");
                }

                continue;
            }

            // Technical records, not business data: sign-in keys, the used public-form challenges, the stored file
            // contents (the records that name a file are audited, with its SHA-256), and the bookkeeping of background
            // work (its items, outputs, runs and the notifications it records; the batch itself is audited).
            if (entry.Entity is DataProtectionKey or Challenges.UsedChallenge or Documents.StoredFile or Jobs.BackgroundJobItem
                or Jobs.BackgroundJobOutput or Jobs.ScheduledRun or Jobs.Notification)
            {
                continue;
            }

            CheckScope(entry, user);
            drafts.Add(Draft.Of(entry));
        }

        if (drafts.Count == 0)
        {
            return;
        }

        var ownTransaction = db.Database.CurrentTransaction is null ? db.Database.BeginTransaction() : null;
        Pending.Add(db, new PendingAudit(drafts, user, ownTransaction));
    }

    private static void CheckScope(EntityEntry entry, CurrentUser user)
    {
        if (user.ReadsAllUnits)
        {
            return;
        }

        var units = new List<int>();
        switch (entry.Entity)
        {
            case Unit unit:
                if (entry.State == EntityState.Added)
                {
                    if (unit.ParentId is { } parent)
                    {
                        units.Add(parent);
                    }
                    else
                    {
                        throw new ForbiddenException("只有系统管理员可以新增顶级单位。");
                    }
                }
                else
                {
                    units.Add(unit.Id);
                    if (entry.Property(nameof(Unit.ParentId)).CurrentValue is int newParent)
                    {
                        units.Add(newParent);
                    }
                }

                break;
            case IUnitScoped scoped:
                units.Add(scoped.UnitId);
                if (entry.State == EntityState.Modified && entry.Property(nameof(IUnitScoped.UnitId)).OriginalValue is int original)
                {
                    units.Add(original);
                }

                break;
            default:
                return;
        }

        if (units.Any(u => !user.Sees(u)))
        {
            throw new ForbiddenException("无权操作本单位数据范围以外的记录。");
        }
    }

    private sealed record Draft(EntityEntry Entry, AuditAction Action, string EntityType, string EntityName, string? KnownId, Dictionary<string, object?> Changes)
    {
        public static Draft Of(EntityEntry entry)
        {
            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Insert,
                EntityState.Deleted => AuditAction.Delete,
                _ => AuditAction.Update,
            };
            var changes = new Dictionary<string, object?>();
            foreach (var property in entry.Properties)
            {
                var meta = property.Metadata;
                if (meta.IsPrimaryKey() && action == AuditAction.Insert)
                {
                    continue;
                }

                object? oldValue = action == AuditAction.Insert ? null : property.OriginalValue;
                object? newValue = action == AuditAction.Delete ? null : property.CurrentValue;
                if (action == AuditAction.Update && (!property.IsModified || Equals(oldValue, newValue)))
                {
                    continue;
                }

                if (action == AuditAction.Insert && newValue is null)
                {
                    continue;
                }

                if (ModelAnnotations.IsSecretProperty(meta))
                {
                    changes[ModelAnnotations.LabelOf(meta)] = new { old = "（不记录）", @new = "（不记录）" };
                    continue;
                }

                var kind = ModelAnnotations.PersonalKindOf(meta);
                changes[ModelAnnotations.LabelOf(meta)] = new { old = Show(oldValue, kind), @new = Show(newValue, kind) };
            }

            var key = entry.Metadata.FindPrimaryKey();
            var knownId = action == AuditAction.Insert ? null : KeyOf(entry, key);
            return new Draft(entry, action, entry.Metadata.ClrType.Name, ModelAnnotations.NameOf(entry.Metadata), knownId, changes);
        }

        public static string KeyOf(EntityEntry entry, Microsoft.EntityFrameworkCore.Metadata.IKey? key) =>
            key is null ? string.Empty : string.Join(",", key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue ?? entry.Property(p.Name).OriginalValue, System.Globalization.CultureInfo.InvariantCulture)));

        private static object? Show(object? value, PersonalDataKind? kind) => value switch
        {
            null => null,
            string s when kind is { } k => Masking.Mask(s, k),
            DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
            Enum e => e.ToString(),
            _ => value,
        };
    }

    private sealed class PendingAudit(List<Draft> drafts, CurrentUser user, IDbContextTransaction? ownTransaction)
    {
        public IEnumerable<AuditEntry> Complete(TimeProvider clock)
        {
            var at = clock.GetUtcNow().UtcDateTime;
            foreach (var draft in drafts)
            {
                yield return AuditEntry.Event(user, at, draft.Action, draft.EntityType, draft.EntityName,
                    draft.KnownId ?? Draft.KeyOf(draft.Entry, draft.Entry.Metadata.FindPrimaryKey()), note: null, JsonSerializer.Serialize(draft.Changes, Json));
            }
        }

        public void Commit() => ownTransaction?.Commit();

        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
                await ownTransaction.DisposeAsync();
            }
        }

        public void Rollback()
        {
            ownTransaction?.Rollback();
            ownTransaction?.Dispose();
        }

        public async Task RollbackAsync(CancellationToken cancellationToken)
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.RollbackAsync(cancellationToken);
                await ownTransaction.DisposeAsync();
            }
        }
    }
}

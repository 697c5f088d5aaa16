using System.Security.Cryptography;
using Jixiao.Domain;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Jixiao.Features.Tests.Documents;

/// <summary>The shared file store (ADR-016): contents in the database, once per hash, streamed; old disk files still served.</summary>
public sealed class FileStoreTests(Apps apps) : IClassFixture<Apps>
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Save_StoresTheContentOnceInTheDatabase_AndAnotherNodeReadsIt(string provider)
    {
        var app = await apps.Get(provider);
        var store = app.Services.GetRequiredService<FileStore>();
        var content = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 17); // several buffers and an odd tail
        var (sha, size) = await store.SaveAsync(new MemoryStream(content), 30 * 1024 * 1024);
        sha.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(content)));
        size.ShouldBe(content.Length);
        (await store.SaveAsync(new MemoryStream(content), 30 * 1024 * 1024)).ShouldBe((sha, size));

        await using (var db = app.Db())
        {
            (await db.StoredFiles.CountAsync(f => f.Sha256 == sha)).ShouldBe(1);
            (await db.StoredFiles.Where(f => f.Sha256 == sha).Select(f => f.Size).SingleAsync()).ShouldBe(content.Length);
            (await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(StoredFile))).ShouldBeFalse();
        }

        // Nothing of it on this node's disk: the spool file is gone and no per-hash file was written.
        var folder = app.Services.GetRequiredService<IOptions<JixiaoOptions>>().Value.FilesDirectory;
        (Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToList() : []).ShouldBeEmpty();

        using var second = app.StartSecondNode();
        await using var read = await second.Services.GetRequiredService<FileStore>().OpenReadAsync(sha);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        copy.ToArray().ShouldBe(content);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Save_RefusesTooLargeContent_AndStoresNothing(string provider)
    {
        var app = await apps.Get(provider);
        var store = app.Services.GetRequiredService<FileStore>();
        var content = RandomNumberGenerator.GetBytes(2 * 1024 * 1024 + 1);
        (await Should.ThrowAsync<DomainException>(() => store.SaveAsync(new MemoryStream(content), 2 * 1024 * 1024))).Message.ShouldBe("文件过大：最大 2 MB。");
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        await using var db = app.Db();
        (await db.StoredFiles.AnyAsync(f => f.Sha256 == sha)).ShouldBeFalse();
        (await Should.ThrowAsync<NotFoundException>(() => store.OpenReadAsync(sha))).Message.ShouldContain("文件内容不存在");
        await Should.ThrowAsync<DomainException>(() => store.OpenReadAsync("../../etc/passwd"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveInTheCallersTransaction_IsRolledBackWithIt(string provider)
    {
        var app = await apps.Get(provider);
        var store = app.Services.GetRequiredService<FileStore>();
        var content = RandomNumberGenerator.GetBytes(100_000);
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        await using (var db = app.Db())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            (await store.SaveAsync(db, new MemoryStream(content), 1024 * 1024)).Sha256.ShouldBe(sha);
            (await db.StoredFiles.CountAsync(f => f.Sha256 == sha)).ShouldBe(1);
            await transaction.RollbackAsync();
        }

        await using (var db = app.Db())
        {
            (await db.StoredFiles.AnyAsync(f => f.Sha256 == sha)).ShouldBeFalse();
            (await store.SaveAsync(db, new MemoryStream(content), 1024 * 1024)).Sha256.ShouldBe(sha); // no transaction: its own
        }

        await using (var db = app.Db())
        {
            (await db.StoredFiles.CountAsync(f => f.Sha256 == sha)).ShouldBe(1);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FilesOfAnOlderInstall_AreServedFromDisk_AndMigrateCopiesThemIntoTheDatabase(string provider)
    {
        var app = await apps.Get(provider);
        var store = app.Services.GetRequiredService<FileStore>();
        var folder = app.Services.GetRequiredService<IOptions<JixiaoOptions>>().Value.FilesDirectory;
        var content = RandomNumberGenerator.GetBytes(200_000);
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var path = Path.Combine(folder, sha[..2], sha);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, content);
        var damaged = Path.Combine(folder, "00", "00" + new string('a', 62)); // its name is not its hash: left alone
        Directory.CreateDirectory(Path.GetDirectoryName(damaged)!);
        await File.WriteAllBytesAsync(damaged, [1, 2, 3]);
        try
        {
            await using (var fromDisk = await store.OpenReadAsync(sha))
            {
                (await ReadAllAsync(fromDisk)).ShouldBe(content);
            }

            await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
            await using (var db = app.Db())
            {
                (await db.StoredFiles.CountAsync(f => f.Sha256 == sha)).ShouldBe(1);
                (await db.StoredFiles.AnyAsync(f => f.Sha256 == "00" + new string('a', 62))).ShouldBeFalse();
            }

            (await store.ImportLegacyFilesAsync()).ShouldBe(0);
            File.Delete(path);
            await using var fromDatabase = await store.OpenReadAsync(sha);
            (await ReadAllAsync(fromDatabase)).ShouldBe(content);
        }
        finally
        {
            File.Delete(path);
            File.Delete(damaged);
        }
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}

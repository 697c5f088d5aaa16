using System.Security.Cryptography;
using Jixiao.Infrastructure.Data;
using Microsoft.Extensions.Options;

namespace Jixiao.Infrastructure.Documents;

/// <summary>
/// Uploaded files, stored by content hash under the data folder (never under the web root, so the
/// web server cannot serve them directly): files/ab/abcdef…; the same content is stored once.
/// </summary>
public sealed class FileStore(IOptions<JixiaoOptions> options)
{
    /// <summary>Stores the content; returns its SHA-256 (hex) and size.</summary>
    public async Task<(string Sha256, long Size)> SaveAsync(Stream content, long maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var root = options.Value.FilesDirectory;
        Directory.CreateDirectory(Path.Combine(root, "incoming"));
        var temp = Path.Combine(root, "incoming", Guid.NewGuid().ToString("N"));
        try
        {
            long size;
            string hash;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[81920];
                size = 0;
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        throw new Domain.DomainException($"文件过大：最大 {maxBytes / 1024 / 1024} MB。");
                    }

                    sha.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            }

            var target = PathOf(hash);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (!File.Exists(target))
            {
                File.Move(temp, target);
            }

            return (hash, size);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public Stream OpenRead(string sha256)
    {
        var path = PathOf(sha256);
        return File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true)
            : throw new Domain.NotFoundException("文件内容不存在，可能已被清理；请重新上传。");
    }

    private string PathOf(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new Domain.DomainException("文件标识无效。");
        }

        return Path.Combine(options.Value.FilesDirectory, sha256[..2], sha256);
    }
}

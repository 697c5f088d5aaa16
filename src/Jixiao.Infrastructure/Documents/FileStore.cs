using System.Data;
using System.Data.Common;
using System.Security.Cryptography;
using Jixiao.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Jixiao.Infrastructure.Documents;

/// <summary>
/// Uploaded files, stored once per content (SHA-256) in the database, so that every node of a cluster
/// serves a file whichever node received it, and a database backup holds the files (ADR-016). Content
/// is streamed: an upload is spooled to a temporary file while it is hashed and its size checked, then
/// streamed into the row; a download streams out of the row (PostgreSQL: sequential reader, SQLite:
/// incremental blob I/O). Files of installs from before ADR-016 lie under the data folder
/// (files/ab/abcdef…): <c>db migrate</c> copies them into the database, and reading falls back to them.
/// </summary>
public sealed class FileStore(IOptions<JixiaoOptions> options, DatabaseSettings database, TimeProvider clock, ILogger<FileStore> logger)
{
    /// <summary>The table of <see cref="StoredFile"/>.</summary>
    public const string Table = "StoredFiles";

    private const int BufferSize = 81920;

    /// <summary>Stores the content in its own transaction; returns its SHA-256 (hex) and size.</summary>
    public async Task<(string Sha256, long Size)> SaveAsync(Stream content, long maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        await using var spool = await SpoolAsync(content, maxBytes, cancellationToken);
        await using var connection = OpenConnection();
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await InsertAsync(connection, transaction, spool, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (spool.Sha256, spool.Size);
    }

    /// <summary>
    /// Stores the content on the connection and in the transaction of <paramref name="db"/> (one is
    /// begun and committed here when the context has none), so that the file and the record naming it
    /// are written together — and, on SQLite, the caller's open write transaction is not waited for.
    /// </summary>
    public async Task<(string Sha256, long Size)> SaveAsync(JixiaoDbContext db, Stream content, long maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(content);
        await using var spool = await SpoolAsync(content, maxBytes, cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            await using (own)
            {
                await InsertAsync(db.Database.GetDbConnection(), db.Database.CurrentTransaction!.GetDbTransaction(), spool, cancellationToken);
                if (own is not null)
                {
                    await own.CommitAsync(cancellationToken);
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return (spool.Sha256, spool.Size);
    }

    /// <summary>Opens the stored content for reading; the caller disposes the stream (which releases its connection).</summary>
    public async Task<Stream> OpenReadAsync(string sha256, CancellationToken cancellationToken = default)
    {
        var legacy = LegacyPathOf(sha256);
        var connection = OpenConnection();
        try
        {
            await connection.OpenAsync(cancellationToken);
            var stream = connection switch
            {
                NpgsqlConnection pg => await OpenPostgresAsync(pg, sha256, cancellationToken),
                SqliteConnection lite => await OpenSqliteAsync(lite, sha256, cancellationToken),
                _ => throw new NotSupportedException(connection.GetType().Name),
            };
            if (stream is not null)
            {
                return stream;
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return File.Exists(legacy)
            ? new FileStream(legacy, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true)
            : throw new Domain.NotFoundException("文件内容不存在，可能已被清理；请重新上传。");
    }

    /// <summary>
    /// Copies the files an install kept under its data folder before ADR-016 into the database (those
    /// not there yet, checked against their name); the folder is left as it is. Returns how many were copied.
    /// </summary>
    public async Task<int> ImportLegacyFilesAsync(CancellationToken cancellationToken = default)
    {
        var root = options.Value.FilesDirectory;
        if (!Directory.Exists(root))
        {
            return 0;
        }

        var copied = 0;
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(path);
            if (!IsSha256(name) || !string.Equals(Path.GetFileName(Path.GetDirectoryName(path)), name[..2], StringComparison.Ordinal))
            {
                continue; // incoming/ spool files and anything else that is not a stored file
            }

            await using var connection = OpenConnection();
            await connection.OpenAsync(cancellationToken);
            if (await ExistsAsync(connection, null, name, cancellationToken))
            {
                continue; // copied at an earlier start: not read again
            }

            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true);
            await using var spool = await SpoolAsync(file, long.MaxValue, cancellationToken);
            if (spool.Sha256 != name)
            {
                logger.LogWarning("Stored file {Path} does not match its hash; not copied into the database", path);
                continue;
            }

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (await InsertAsync(connection, transaction, spool, cancellationToken))
            {
                copied++;
            }

            await transaction.CommitAsync(cancellationToken);
        }

        if (copied > 0)
        {
            logger.LogInformation("Copied {Count} file(s) from {Folder} into the database", copied, root);
        }

        return copied;
    }

    private DbConnection OpenConnection() => database.Provider == DatabaseProvider.Sqlite
        ? new SqliteConnection(database.ConnectionString)
        : new NpgsqlConnection(database.ConnectionString);

    /// <summary>Inserts the content unless a row with its hash exists; true when inserted.</summary>
    private async Task<bool> InsertAsync(DbConnection connection, DbTransaction transaction, Spool spool, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (await ExistsAsync(connection, transaction, spool.Sha256, cancellationToken))
        {
            return false;
        }

        spool.Content.Position = 0;
        if (connection is SqliteConnection lite)
        {
            // Reserve the row with a zero-filled blob of the right size, then write it incrementally;
            // both in the one transaction, so no reader ever sees the zeros.
            long rowId;
            await using (var insert = lite.CreateCommand())
            {
                insert.Transaction = (SqliteTransaction)transaction;
                insert.CommandText = $"INSERT INTO \"{Table}\" (\"Sha256\", \"Size\", \"Content\", \"CreatedAt\") VALUES (@sha, @size, zeroblob(@size), @at) " +
                    "ON CONFLICT (\"Sha256\") DO NOTHING RETURNING rowid";
                insert.Parameters.AddWithValue("@sha", spool.Sha256);
                insert.Parameters.AddWithValue("@size", spool.Size);
                insert.Parameters.AddWithValue("@at", now);
                if (await insert.ExecuteScalarAsync(cancellationToken) is not long id)
                {
                    return false;
                }

                rowId = id;
            }

            await using var blob = new SqliteBlob(lite, Table, "Content", rowId);
            await spool.Content.CopyToAsync(blob, BufferSize, cancellationToken);
            return true;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{Table}\" (\"Sha256\", \"Size\", \"Content\", \"CreatedAt\") VALUES (@sha, @size, @content, @at) ON CONFLICT (\"Sha256\") DO NOTHING";
        AddParameter(command, "sha", spool.Sha256);
        AddParameter(command, "size", spool.Size);
        command.Parameters.Add(new NpgsqlParameter("content", NpgsqlDbType.Bytea) { Value = spool.Content, Size = checked((int)spool.Size) });
        AddParameter(command, "at", now);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private static async Task<bool> ExistsAsync(DbConnection connection, DbTransaction? transaction, string sha256, CancellationToken cancellationToken)
    {
        await using var exists = connection.CreateCommand();
        exists.Transaction = transaction;
        exists.CommandText = $"SELECT 1 FROM \"{Table}\" WHERE \"Sha256\" = @sha";
        AddParameter(exists, "sha", sha256);
        return await exists.ExecuteScalarAsync(cancellationToken) is not null;
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static async Task<Stream?> OpenPostgresAsync(NpgsqlConnection connection, string sha256, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand($"SELECT \"Content\" FROM \"{Table}\" WHERE \"Sha256\" = @sha", connection);
        command.Parameters.AddWithValue("sha", sha256);
        NpgsqlDataReader? reader = null;
        try
        {
            reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess | CommandBehavior.SingleRow, cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                await reader.DisposeAsync();
                await command.DisposeAsync();
                return null;
            }

            return new OwningStream(reader.GetStream(0), reader, command, connection);
        }
        catch
        {
            if (reader is not null)
            {
                await reader.DisposeAsync();
            }

            await command.DisposeAsync();
            throw;
        }
    }

    private static async Task<Stream?> OpenSqliteAsync(SqliteConnection connection, string sha256, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT rowid FROM \"{Table}\" WHERE \"Sha256\" = @sha";
        command.Parameters.AddWithValue("@sha", sha256);
        return await command.ExecuteScalarAsync(cancellationToken) is long rowId
            ? new OwningStream(new SqliteBlob(connection, Table, "Content", rowId, readOnly: true), connection)
            : null;
    }

    /// <summary>Copies the upload to a temporary file of this node, hashing it and refusing it beyond <paramref name="maxBytes"/>.</summary>
    private async Task<Spool> SpoolAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(options.Value.FilesDirectory, "incoming");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, Guid.NewGuid().ToString("N"));
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, BufferSize,
            FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        try
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[BufferSize];
            long size = 0;
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

            await file.FlushAsync(cancellationToken);
            return new Spool(file, Convert.ToHexStringLower(sha.GetHashAndReset()), size);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private string LegacyPathOf(string sha256) => IsSha256(sha256)
        ? Path.Combine(options.Value.FilesDirectory, sha256[..2], sha256)
        : throw new Domain.DomainException("文件标识无效。");

    private static bool IsSha256(string value) => value is { Length: 64 } && value.All(char.IsAsciiHexDigitLower);

    /// <summary>The upload in a temporary file that deletes itself when disposed.</summary>
    private sealed record Spool(FileStream Content, string Sha256, long Size) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Content.DisposeAsync();
    }

    /// <summary>A read-only stream over a database value that releases the reader, command and connection with it.</summary>
    private sealed class OwningStream(Stream inner, params IAsyncDisposable[] owned) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => inner.CanSeek;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => inner.Position = value; }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override async ValueTask DisposeAsync()
        {
            await inner.DisposeAsync();
            foreach (var item in owned)
            {
                await item.DisposeAsync();
            }

            await base.DisposeAsync();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                foreach (var item in owned)
                {
                    item.DisposeAsync().AsTask().GetAwaiter().GetResult();
                }
            }

            base.Dispose(disposing);
        }
    }
}

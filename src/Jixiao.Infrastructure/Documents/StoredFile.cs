namespace Jixiao.Infrastructure.Documents;

/// <summary>
/// The content of an uploaded file, kept once per SHA-256 in the database so that every node of a
/// cluster serves what any node received (ADR-016). The records that name a file (evidence, online
/// application materials, …) are the business data and are audited; this row is the technical blob
/// behind them and is not. Written and read as a stream by <see cref="FileStore"/>, never through
/// the change tracker (30 MB would sit in memory twice).
/// </summary>
public sealed class StoredFile
{
    public StoredFile(string sha256, long size, byte[] content, DateTime createdAt)
    {
        Sha256 = sha256;
        Size = size;
        Content = content;
        CreatedAt = createdAt;
    }

    /// <summary>Lower-case hex SHA-256 of the content: the key.</summary>
    public string Sha256 { get; private set; }

    public long Size { get; private set; }

    public byte[] Content { get; private set; }

    public DateTime CreatedAt { get; private set; }
}

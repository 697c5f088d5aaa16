using Jixiao.Infrastructure.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jixiao.Infrastructure.Data;

/// <summary>The shared file store (ADR-016): one row per distinct content, keyed by its SHA-256.</summary>
internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> file)
    {
        file.ToTable(FileStore.Table);
        file.HasKey(f => f.Sha256);
        file.Property(f => f.Sha256).HasMaxLength(64).ValueGeneratedNever();
        file.Property(f => f.Size);
        file.Property(f => f.Content).IsRequired();
        file.Property(f => f.CreatedAt);
    }
}

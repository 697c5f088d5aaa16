using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Jixiao.Infrastructure.Data;

/// <summary>Stores every DateTime as UTC and reads it back marked as UTC, on both providers.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

using Jixiao.Domain.Privacy;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jixiao.Infrastructure.Data;

/// <summary>
/// Model annotations the audit log reads: the Chinese name of an entity, which fields hold personal
/// data (masked in the log) and which are secrets (never logged).
/// </summary>
public static class ModelAnnotations
{
    public const string DisplayName = "Jixiao:DisplayName";
    public const string Personal = "Jixiao:Personal";
    public const string Secret = "Jixiao:Secret";

    public static EntityTypeBuilder<T> HasDisplayName<T>(this EntityTypeBuilder<T> builder, string name)
        where T : class => builder.HasAnnotation(DisplayName, name);

    /// <summary>The Chinese label of a field, used by the audit log ("姓名" rather than "DisplayName").</summary>
    public static PropertyBuilder<TProperty> HasLabel<TProperty>(this PropertyBuilder<TProperty> builder, string label) =>
        builder.HasAnnotation(DisplayName, label);

    public static string LabelOf(IReadOnlyProperty property) =>
        property.FindAnnotation(DisplayName)?.Value as string ?? property.Name;

    public static PropertyBuilder<TProperty> IsPersonalData<TProperty>(this PropertyBuilder<TProperty> builder, PersonalDataKind kind) =>
        builder.HasAnnotation(Personal, kind.ToString());

    public static PropertyBuilder<TProperty> IsSecret<TProperty>(this PropertyBuilder<TProperty> builder) =>
        builder.HasAnnotation(Secret, true);

    public static string NameOf(IReadOnlyEntityType type) =>
        type.FindAnnotation(DisplayName)?.Value as string ?? type.ClrType.Name;

    public static PersonalDataKind? PersonalKindOf(IReadOnlyProperty property) =>
        property.FindAnnotation(Personal)?.Value is string s && Enum.TryParse<PersonalDataKind>(s, out var kind) ? kind : null;

    public static bool IsSecretProperty(IReadOnlyProperty property) => property.FindAnnotation(Secret)?.Value is true;
}

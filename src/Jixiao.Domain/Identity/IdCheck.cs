namespace Jixiao.Domain.Identity;

/// <summary>The result of checking an identification number: valid, or the reason it is not (in Chinese).</summary>
public readonly record struct IdCheck(bool IsValid, string? Error)
{
    public static IdCheck Valid => new(true, null);

    public static IdCheck Invalid(string error) => new(false, error);
}

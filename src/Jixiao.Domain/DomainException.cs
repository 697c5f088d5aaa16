namespace Jixiao.Domain;

/// <summary>
/// A business rule refused an operation. The message is shown to the user as it is, so it is
/// written in Chinese and says what was refused and why.
/// </summary>
public class DomainException(string message) : Exception(message);

/// <summary>A record that the operation needs does not exist or is outside the user's data scope.</summary>
public sealed class NotFoundException(string message) : DomainException(message);

/// <summary>Input that breaks one or more rules; each problem names its field.</summary>
public sealed class ValidationException(IReadOnlyList<ValidationProblem> problems)
    : DomainException(string.Join("；", problems.Select(p => p.Message)))
{
    public IReadOnlyList<ValidationProblem> Problems { get; } = problems;

    public static void ThrowIfAny(List<ValidationProblem> problems)
    {
        if (problems is { Count: > 0 })
        {
            throw new ValidationException(problems);
        }
    }
}

/// <summary>One problem with an input: the field (or sheet/row/column) and what is wrong.</summary>
public sealed record ValidationProblem(string Field, string Message);

namespace Jixiao.Domain;

/// <summary>
/// A business rule refused an operation. The message is shown to the user as it is, so it is
/// written in Chinese and says what was refused and why.
/// </summary>
public class DomainException(string message) : Exception(message);

/// <summary>A record that the operation needs does not exist or is outside the user's data scope.</summary>
public sealed class NotFoundException(string message) : DomainException(message);

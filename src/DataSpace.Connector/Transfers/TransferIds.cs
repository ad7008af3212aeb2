using DataSpace.Core.Results;

namespace DataSpace.Connector.Transfers;

/// <summary>
/// Transfer ids: chosen by the consumer (a retry reuses one), 1–100 ASCII letters, digits, '-', '_'
/// or '.', neither starting nor ending with '.', so an id is also a valid blob key segment and a
/// URL path segment without escaping.
/// </summary>
internal static class TransferIds
{
    public const int MaxLength = 100;

    /// <summary>A fresh id (a UUID v7 in hex: time-ordered, unguessable enough not to collide).</summary>
    public static string New() => Guid.CreateVersion7().ToString("N");

    public static Error? Validate(string? transferId, string what = "transferId") =>
        transferId is { Length: > 0 and <= MaxLength } id && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') && id[0] != '.' && id[^1] != '.'
            ? null
            : Error.Invalid($"{what} must be 1-{MaxLength} letters, digits, '-', '_' or '.' (not starting or ending with '.').");
}

using System.Globalization;

namespace DataSpace.Ledger.Logs;

/// <summary>
/// The files of a ledger directory (docs/formats.md, "Ledger directory"):
/// <c>log.vkey</c> and <c>operator.vkey</c> (one C2SP verifier key each, newline-terminated),
/// <c>leaves/</c> (the file store's segments) and <c>checkpoints/</c> (one signed checkpoint note
/// per file, named by tree size as 20 zero-padded digits; an auditor reads every file there).
/// </summary>
public static class LedgerLayout
{
    /// <summary>The log's verifier key file: its name is the checkpoint origin.</summary>
    public const string LogKeyFile = "log.vkey";

    /// <summary>The operator's verifier key file: the key that countersigns registrations.</summary>
    public const string OperatorKeyFile = "operator.vkey";

    /// <summary>The leaf store's directory.</summary>
    public const string LeavesDirectory = "leaves";

    /// <summary>The checkpoints' directory.</summary>
    public const string CheckpointsDirectory = "checkpoints";

    /// <summary>The file name of the log's checkpoint of a given size.</summary>
    public static string CheckpointFileName(ulong size) => size.ToString("D20", CultureInfo.InvariantCulture);
}

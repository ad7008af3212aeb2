using System.Text;

namespace DataSpace.Ledger.Notes;

/// <summary>
/// The message an Ed25519 cosigner signs (c2sp.org/tlog-cosignature, "Ed25519 signed message"):
/// <c>cosignature/v1\ntime &lt;timestamp&gt;\n</c> followed by the whole checkpoint note text.
/// </summary>
internal static class CosignedMessage
{
    public static byte[] Build(ulong timestamp, string checkpointText) =>
        Encoding.UTF8.GetBytes($"cosignature/v1\ntime {NoteText.Decimal(timestamp)}\n{checkpointText}");
}

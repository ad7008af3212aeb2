namespace DataSpace.Ledger.Tests.Checkpoints;

/// <summary>Exposes the internal cosignature/v1 message builder to the vector test.</summary>
internal static class CosignedMessageProbe
{
    public static byte[] Build(ulong timestamp, string text) => DataSpace.Ledger.Notes.CosignedMessage.Build(timestamp, text);
}

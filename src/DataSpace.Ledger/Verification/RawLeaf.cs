namespace DataSpace.Ledger.Verification;

/// <summary>A leaf as read from disk, with the RFC 6962 leaf hash of its actual bytes.</summary>
internal readonly record struct RawLeaf(byte[] Bytes, byte[] Hash);

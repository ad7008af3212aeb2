namespace DataSpace.Ledger.Notes;

/// <summary>Signature type identifier bytes assigned by c2sp.org/signed-note ("Signature types").</summary>
public enum NoteSignatureType : byte
{
    /// <summary>0x01: Ed25519 over the note text (c2sp.org/signed-note).</summary>
    Ed25519 = 0x01,

    /// <summary>0x04: timestamped Ed25519 witness cosignature (c2sp.org/tlog-cosignature, cosignature/v1).</summary>
    CosignatureV1 = 0x04,
}

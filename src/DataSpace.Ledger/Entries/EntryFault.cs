namespace DataSpace.Ledger.Entries;

/// <summary>Why a ledger entry was refused (by the log at append) or flagged (by the auditor).</summary>
public enum EntryFault
{
    /// <summary>Accepted.</summary>
    None,

    /// <summary>Not a JSON object of exactly <c>type</c>, <c>body</c> and <c>signatures</c>, or a member has the wrong shape.</summary>
    Malformed,

    /// <summary>Valid JSON, but not its RFC 8785 canonical bytes, or signatures not sorted by key id.</summary>
    NotCanonical,

    /// <summary>A signature names an algorithm other than Ed25519 or is not canonical base64 of 64 bytes.</summary>
    BadSignatureEncoding,

    /// <summary>A signature is by a key that is not registered in the log before this entry.</summary>
    UnknownSigner,

    /// <summary>A signature does not verify over the entry's content.</summary>
    InvalidSignature,

    /// <summary>A <c>participant.registered</c> entry is malformed, re-registers a participant or key, or lacks a required signature.</summary>
    InvalidRegistration,

    /// <summary>The same signed content (type and body) is already in the log: a replay.</summary>
    Duplicate,

    /// <summary>A domain rule (<see cref="IEntryRule"/>) refused the entry.</summary>
    RuleViolation,
}

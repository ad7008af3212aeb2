namespace DataSpace.Core.Transfers;

/// <summary>Transfer process states, as the Eclipse Dataspace Protocol 2025-1 names them.</summary>
public enum TransferState
{
    /// <summary>The consumer asked for the data under an agreement.</summary>
    Requested,

    /// <summary>The provider checked the contract and policy and is sending.</summary>
    Started,

    /// <summary>Paused by either party; may start again.</summary>
    Suspended,

    /// <summary>The data arrived and the consumer's receipt is recorded.</summary>
    Completed,

    /// <summary>Ended without completing; nothing was released or kept.</summary>
    Terminated,
}

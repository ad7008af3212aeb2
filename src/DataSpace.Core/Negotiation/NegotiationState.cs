namespace DataSpace.Core.Negotiation;

/// <summary>Contract negotiation states, as the Eclipse Dataspace Protocol 2025-1 names them.</summary>
public enum NegotiationState
{
    /// <summary>The consumer asked for a contract (or countered an offer).</summary>
    Requested,

    /// <summary>The provider offered terms (or countered a request).</summary>
    Offered,

    /// <summary>The consumer accepted the provider's last offer.</summary>
    Accepted,

    /// <summary>The provider sent the agreement, signed by it.</summary>
    Agreed,

    /// <summary>The consumer verified and countersigned the agreement.</summary>
    Verified,

    /// <summary>The provider finalized: the agreement is in force and in the ledger.</summary>
    Finalized,

    /// <summary>Either party ended the negotiation; no agreement.</summary>
    Terminated,
}

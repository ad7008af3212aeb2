namespace DataSpace.Core.Negotiation;

/// <summary>The messages that move a negotiation (DSP 2025-1 contract negotiation protocol).</summary>
public enum NegotiationMessage
{
    /// <summary>ContractRequestMessage, from the consumer.</summary>
    ContractRequest,

    /// <summary>ContractOfferMessage, from the provider.</summary>
    ContractOffer,

    /// <summary>ContractNegotiationEventMessage ACCEPTED, from the consumer.</summary>
    Accept,

    /// <summary>ContractAgreementMessage, from the provider.</summary>
    ContractAgreement,

    /// <summary>ContractAgreementVerificationMessage, from the consumer.</summary>
    AgreementVerification,

    /// <summary>ContractNegotiationEventMessage FINALIZED, from the provider.</summary>
    Finalize,

    /// <summary>ContractNegotiationTerminationMessage, from either party.</summary>
    Terminate,
}

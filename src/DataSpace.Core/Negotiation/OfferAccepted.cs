namespace DataSpace.Core.Negotiation;

/// <summary>The consumer accepts the provider's counter-offer (DSP ContractNegotiationEventMessage ACCEPTED), signed as a <c>negotiation.accepted</c> entry.</summary>
/// <param name="NegotiationId">The negotiation.</param>
/// <param name="Terms">The offered terms it accepts, exactly as offered.</param>
/// <param name="Time">When.</param>
public sealed record OfferAccepted(string NegotiationId, RequestedTerms Terms, DateTimeOffset Time)
{
    /// <summary>The entry type the consumer signs.</summary>
    public const string EntryType = "negotiation.accepted";
}

using System.Text.Json;
using DataSpace.Core.Negotiation;

namespace DataSpace.Core.Api;

/// <summary>A negotiation as the API shows it to its parties.</summary>
/// <param name="NegotiationId">The id (derived from the consumer's request id).</param>
/// <param name="State">The DSP state: REQUESTED, OFFERED, ACCEPTED, AGREED, VERIFIED, FINALIZED or TERMINATED.</param>
/// <param name="OfferId">The offer.</param>
/// <param name="Provider">The provider.</param>
/// <param name="Consumer">The consumer.</param>
/// <param name="Reasons">Why it was terminated, when it was.</param>
/// <param name="CounterTerms">The provider's counter-offer, when OFFERED.</param>
/// <param name="Agreement">The agreement entry (AGREED: provider-signed, for the consumer to countersign; FINALIZED: as recorded).</param>
/// <param name="LedgerIndex">The index of the agreement or termination entry, once recorded.</param>
public sealed record NegotiationView(
    string NegotiationId,
    string State,
    string OfferId,
    string Provider,
    string Consumer,
    IReadOnlyList<string> Reasons,
    RequestedTerms? CounterTerms = null,
    JsonElement? Agreement = null,
    ulong? LedgerIndex = null);

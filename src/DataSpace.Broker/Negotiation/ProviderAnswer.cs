using DataSpace.Core.Negotiation.Protocol;
using DataSpace.Ledger.Entries;

namespace DataSpace.Broker.Negotiation;

/// <summary>The provider's answer, and the entry it carries read as a ledger entry (its signatures checked where it is used).</summary>
/// <param name="Answer">The answer.</param>
/// <param name="Entry">The agreement or termination the answer carries, if any.</param>
internal sealed record ProviderAnswer(NegotiationAnswer Answer, LedgerEntry? Entry);

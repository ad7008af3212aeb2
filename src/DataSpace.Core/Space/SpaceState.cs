using System.Collections.Concurrent;
using DataSpace.Core.Negotiation;
using DataSpace.Core.Participants;

namespace DataSpace.Core.Space;

/// <summary>
/// What the ledger says now: participants and their standing, the catalog, finalized agreements
/// and their uses, transfers, recorded policy bundles and ended negotiations. Only the projection
/// changes it, one entry at a time in log order; any thread may read it (each record is immutable
/// and replaced whole), which is how the broker answers queries while the log appends.
/// </summary>
public sealed class SpaceState(string operatorId)
{
    private readonly ConcurrentDictionary<string, Participant> _participants = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, OfferRecord> _offers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AgreementRecord> _agreements = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TransferRecord> _transfers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ulong> _bundles = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (NegotiationTerminated Termination, ulong Index)> _terminated = new(StringComparer.Ordinal);

    /// <summary>The operator's (broker's) participant id: it countersigns agreements and changes standings.</summary>
    public string OperatorId { get; } = operatorId;

    /// <summary>Entries folded so far.</summary>
    public ulong Size { get; private set; }

    /// <summary>Every participant.</summary>
    public IEnumerable<Participant> Participants => _participants.Values;

    /// <summary>Every offer, withdrawn ones included.</summary>
    public IEnumerable<OfferRecord> Offers => _offers.Values;

    /// <summary>Every finalized agreement.</summary>
    public IEnumerable<AgreementRecord> Agreements => _agreements.Values;

    /// <summary>Every transfer.</summary>
    public IEnumerable<TransferRecord> Transfers => _transfers.Values;

    /// <summary>The participant with this id, or null.</summary>
    public Participant? FindParticipant(string id) => _participants.GetValueOrDefault(id);

    /// <summary>The offer with this id, or null.</summary>
    public OfferRecord? FindOffer(string id) => _offers.GetValueOrDefault(id);

    /// <summary>The finalized agreement with this id, or null.</summary>
    public AgreementRecord? FindAgreement(string id) => _agreements.GetValueOrDefault(id);

    /// <summary>The transfer with this id, or null.</summary>
    public TransferRecord? FindTransfer(string id) => _transfers.GetValueOrDefault(id);

    /// <summary>The termination of a negotiation and its index, or null.</summary>
    public (NegotiationTerminated Termination, ulong Index)? FindTermination(string negotiationId) =>
        _terminated.TryGetValue(negotiationId, out var t) ? t : null;

    /// <summary>The index of the <c>policy.bundle</c> entry of this digest, or null.</summary>
    public ulong? FindBundle(string digest) => _bundles.TryGetValue(digest, out var index) ? index : null;

    internal void Put(Participant participant) => _participants[participant.Id] = participant;

    internal void Put(OfferRecord offer) => _offers[offer.Offer.Id] = offer;

    internal void Put(AgreementRecord agreement) => _agreements[agreement.Agreement.AgreementId] = agreement;

    internal void Put(TransferRecord transfer) => _transfers[transfer.TransferId] = transfer;

    internal void PutBundle(string digest, ulong index) => _bundles.TryAdd(digest, index);

    internal void PutTermination(NegotiationTerminated termination, ulong index) => _terminated[termination.NegotiationId] = (termination, index);

    internal void Advance(ulong index) => Size = index + 1;
}

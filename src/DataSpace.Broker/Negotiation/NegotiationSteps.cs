using DataSpace.Core.Api;
using System.Diagnostics.Metrics;
using DataSpace.Broker.Ledger;
using DataSpace.Core;
using DataSpace.Core.Json;
using DataSpace.Core.Negotiation;
using DataSpace.Core.Negotiation.Protocol;
using DataSpace.Core.Results;
using DataSpace.Core.Policies;
using DataSpace.Core.StateMachines;
using DataSpace.Hosting.Policies;
using DataSpace.Ledger.Entries;

namespace DataSpace.Broker.Negotiation;

/// <summary>
/// The steps every negotiation message shares: forward to the provider and apply its answer
/// through the state machine, finalize into the ledger, or end the negotiation with a recorded
/// termination. Handlers differ only in what they check before calling these.
/// </summary>
internal sealed class NegotiationSteps(BrokerLedger ledger, ProviderClient provider, NegotiationBook book, PolicyGate policy, TimeProvider clock)
{
    private static readonly Meter Meter = new("DataSpace.Broker");
    private static readonly Counter<long> Outcomes = Meter.CreateCounter<long>("dataspace.negotiations", "{negotiation}", "Negotiations ended, by outcome.");

    /// <summary>The broker's <c>dataspace.negotiation</c> decision on the negotiation's request with <paramref name="terms"/>: those requested, offered back or accepted.</summary>
    public Task<GateDecision> DecideAsync(OpenNegotiation n, RequestedTerms terms, CancellationToken cancellationToken) =>
        policy.DecideAsync(PolicyInputs.NegotiationPath, PolicyInputs.Negotiate(n.ConsumerSubject, n.Offer, n.Request with { Terms = terms }, Timestamps.Now(clock)), cancellationToken);

    /// <summary>Sends <paramref name="callback"/> to the provider and applies its answer.</summary>
    public async Task<Result<NegotiationView>> ForwardAsync(OpenNegotiation n, NegotiationCallback callback, CancellationToken cancellationToken)
    {
        var answered = await provider.SendAsync(ledger.State.FindParticipant(n.Offer.Provider)!, callback, cancellationToken).ConfigureAwait(false);
        if (!answered.IsSuccess)
        {
            var outcome = answered.Error.Kind == ErrorKind.Unavailable ? "provider-unavailable" : "protocol-error";
            return await EndAsync(n, [answered.Error.Message], null, outcome, cancellationToken).ConfigureAwait(false);
        }
        var (answer, entry) = answered.Value;
        if (n.Move(answer.Message, ProtocolRole.Provider) is { } illegal)
        {
            return await EndAsync(n, [$"The provider's answer breaks the protocol: {illegal.Message}"], null, "protocol-error", cancellationToken).ConfigureAwait(false);
        }
        return answer.Message switch
        {
            NegotiationMessage.ContractAgreement when entry is not null => await AgreedAsync(n, entry, cancellationToken).ConfigureAwait(false),
            NegotiationMessage.ContractOffer when answer.CounterTerms is { } terms => await OfferedAsync(n, terms, cancellationToken).ConfigureAwait(false),
            NegotiationMessage.Finalize => await FinalizeAsync(n, cancellationToken).ConfigureAwait(false),
            NegotiationMessage.Terminate when entry is not null => await RecordTerminationAsync(n, entry, n.Offer.Provider, "denied-by-provider", cancellationToken).ConfigureAwait(false),
            _ => await EndAsync(n, [$"The provider answered {answer.Message} without what that message carries."], null, "protocol-error", cancellationToken).ConfigureAwait(false),
        };
    }

    /// <summary>Ends the negotiation on the broker's own account (its policy, a failed provider, a refused entry), recorded with the reasons.</summary>
    public async Task<Result<NegotiationView>> EndAsync(OpenNegotiation n, IReadOnlyList<string> reasons, System.Text.Json.Nodes.JsonObject? decision, string outcome, CancellationToken cancellationToken)
    {
        var ended = new NegotiationTerminated(n.Id, n.Offer.Id, n.Offer.Provider, n.Request.Consumer, ledger.Keys.ParticipantId, reasons, Timestamps.Now(clock), decision);
        var entry = LedgerEntry.FromRecord(NegotiationTerminated.EntryType, ended, [ledger.Keys.Signer]);
        return await RecordTerminationAsync(n, entry, ledger.Keys.ParticipantId, outcome, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records a termination entry signed by <paramref name="by"/> (a party or the broker).</summary>
    public async Task<Result<NegotiationView>> RecordTerminationAsync(OpenNegotiation n, LedgerEntry entry, string by, string outcome, CancellationToken cancellationToken)
    {
        if (entry.Type != NegotiationTerminated.EntryType)
        {
            return Error.Invalid($"A termination must be a signed {NegotiationTerminated.EntryType} entry: {entry.Type}.");
        }
        var ended = DomainJson.Read<NegotiationTerminated>(entry.Body, "the termination");
        if (!ended.IsSuccess)
        {
            return ended.Error;
        }
        if (ended.Value.NegotiationId != n.Id || ended.Value.By != by)
        {
            return Error.Invalid($"The termination must name negotiation {n.Id} and be by {by}.");
        }
        var appended = await ledger.AppendAsync(entry, cancellationToken).ConfigureAwait(false);
        if (!appended.IsSuccess)
        {
            return appended.Error;
        }
        n.Move(NegotiationMessage.Terminate, by == n.Offer.Provider ? ProtocolRole.Provider : ProtocolRole.Consumer);
        n.Reasons = ended.Value.Reasons;
        n.LedgerIndex = appended.Value;
        Close(n, outcome);
        return NegotiationViews.Terminated(ended.Value, appended.Value);
    }

    private async Task<Result<NegotiationView>> AgreedAsync(OpenNegotiation n, LedgerEntry entry, CancellationToken cancellationToken)
    {
        var checkedAgreement = AgreementCheck.Check(n, entry);
        var providerKey = ledger.Log.Participants.FindById(n.Offer.Provider)!.Key;
        if (!checkedAgreement.IsSuccess || entry.Signatures.Count != 1 || !entry.IsSignedBy(providerKey))
        {
            var reason = checkedAgreement.Error?.Message ?? "The provider's agreement is not signed by the provider alone.";
            return await EndAsync(n, [reason], null, "protocol-error", cancellationToken).ConfigureAwait(false);
        }
        n.AgreementEntry = entry;
        return NegotiationViews.Of(n);
    }

    /// <summary>A counter-offer is shown to the consumer only if the broker's own policy allows its terms.</summary>
    private async Task<Result<NegotiationView>> OfferedAsync(OpenNegotiation n, RequestedTerms terms, CancellationToken cancellationToken)
    {
        var decision = await DecideAsync(n, terms, cancellationToken).ConfigureAwait(false);
        if (!decision.Allowed)
        {
            string[] reasons = [$"The provider's counter-offer is not one the broker's policy allows: {string.Join("; ", decision.Reasons)}"];
            return await EndAsync(n, reasons, decision.Record, "denied-by-broker", cancellationToken).ConfigureAwait(false);
        }
        n.CounterTerms = terms;
        return NegotiationViews.Of(n);
    }

    private async Task<Result<NegotiationView>> FinalizeAsync(OpenNegotiation n, CancellationToken cancellationToken)
    {
        var final = n.AgreementEntry!.Countersign(ledger.Keys.Signer);
        var appended = await ledger.AppendAsync(final, cancellationToken).ConfigureAwait(false);
        if (!appended.IsSuccess)
        {
            return await EndAsync(n, [appended.Error.Message], null, "refused-by-ledger", cancellationToken).ConfigureAwait(false);
        }
        n.AgreementEntry = final;
        n.LedgerIndex = appended.Value;
        Close(n, "finalized");
        return NegotiationViews.Of(n);
    }

    private void Close(OpenNegotiation n, string outcome)
    {
        book.Close(n.Id);
        Outcomes.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
    }
}

using DataSpace.Connector.Brokering;
using DataSpace.Connector.Witnessing;
using DataSpace.Core.Json;
using DataSpace.Core.Negotiation;
using DataSpace.Core.Results;
using DataSpace.Crypto.Keys;
using DataSpace.Crypto.Signatures;
using DataSpace.Ledger.Entries;

namespace DataSpace.Connector.Transfers;

/// <summary>
/// The provider's check of DESIGN §5 step 4a: the broker's word on an agreement is verified, not
/// believed. The entry must be a <c>contract.agreement</c> for this provider and the caller, carry
/// valid signatures of the provider (this connector's own key), the consumer (its registered key)
/// and the broker (its pinned key), and be proven included in a checkpoint this connector
/// witnessed and cosigned itself.
/// </summary>
internal sealed class AgreementVerifier(BrokerClient broker, BrokerTrust trust, LedgerWitness witness, ParticipantKeys keys)
{
    public async Task<Result<VerifiedAgreement>> VerifyAsync(string agreementId, string caller, CancellationToken cancellationToken)
    {
        // Step 1: what the broker says of the agreement.
        var view = await broker.GetAgreementAsync(agreementId, cancellationToken).ConfigureAwait(false);
        if (!view.IsSuccess)
        {
            return view.Error.Kind == ErrorKind.NotFound ? Error.NotFound($"Agreement {agreementId} is not FINALIZED in the ledger.") : view.Error;
        }

        // Step 2: the entry, read strictly.
        if (!LedgerEntry.TryRead(view.Value.Entry, out var entry).IsAccepted || entry!.Type != Agreement.EntryType || view.Value.AgreementId != agreementId)
        {
            return Error.Unavailable($"The broker's answer for agreement {agreementId} holds no contract.agreement entry.");
        }
        var read = DomainJson.Read<Agreement>(entry.Body, "the agreement");
        if (!read.IsSuccess || read.Value.AgreementId != agreementId)
        {
            return Error.Unavailable($"The broker's entry for agreement {agreementId} is not that agreement: {read.Error?.Message}");
        }
        var agreement = read.Value;

        // Step 3: the parties.
        if (agreement.Provider != keys.ParticipantId)
        {
            return Error.Forbidden($"Agreement {agreementId} is with provider {agreement.Provider}, not {keys.ParticipantId}.");
        }
        if (agreement.Consumer != caller)
        {
            return Error.Forbidden($"{caller} is not the consumer of agreement {agreementId}.");
        }

        // Step 4: the three signatures, each by the key this connector trusts for that party.
        var consumerView = await broker.GetParticipantAsync(agreement.Consumer, cancellationToken).ConfigureAwait(false);
        var consumer = consumerView.IsSuccess ? RegisteredPeer.From(consumerView.Value, agreement.Consumer) : consumerView.Error;
        if (!consumer.IsSuccess)
        {
            return consumer.Error;
        }
        var brokerKey = await trust.KeyAsync(cancellationToken).ConfigureAwait(false);
        if (!brokerKey.IsSuccess)
        {
            return brokerKey.Error;
        }
        var unsigned = new (Ed25519PublicKey Key, string Role)[] { (keys.Signer.PublicKey, "provider"), (consumer.Value.Key, "consumer"), (brokerKey.Value, "broker") }
            .Where(party => !entry.IsSignedBy(party.Key)).Select(party => party.Role).ToList();
        if (unsigned.Count > 0)
        {
            return Error.Forbidden($"Agreement {agreementId} lacks a valid signature of the {string.Join(" and the ", unsigned)}; no data is sent under it.");
        }

        // Step 5: in the ledger, against a checkpoint this connector witnessed.
        var included = await witness.ProveIncludedAsync(entry, view.Value.Index, cancellationToken).ConfigureAwait(false);
        return included.IsSuccess ? new VerifiedAgreement(agreement, view.Value, consumer.Value) : included.Error;
    }
}

using System.Text.Json.Nodes;
using DataSpace.Connector.Brokering;
using DataSpace.Core;
using DataSpace.Core.Json;
using DataSpace.Core.Negotiation;
using DataSpace.Core.Results;
using DataSpace.Crypto.Keys;
using DataSpace.Crypto.Signatures;
using Mediator;

namespace DataSpace.Connector.Usage;

/// <summary>
/// The provider's side of the <c>notify_provider</c> duty: a consumer reports a use of this
/// provider's data. Kept only when it is what it claims to be:
/// <list type="number">
/// <item>read the notice (strictly: an unknown or missing member is refused);</item>
/// <item>the caller's access token names the notice's consumer;</item>
/// <item>the broker's ledger holds the agreement, between this provider and that consumer, with the transfer;</item>
/// <item>the notice is signed by the consumer's registered key;</item>
/// <item>append it, signature and all, to <c>usage-notices.jsonl</c>.</item>
/// </list>
/// </summary>
/// <param name="Caller">The participant the access token names.</param>
/// <param name="Signed">The signed notice.</param>
public sealed record RecordUsageNotice(string Caller, JsonObject Signed) : ICommand<Result<UsageNoticeReceipt>>;

internal sealed class RecordUsageNoticeHandler(BrokerClient broker, ParticipantKeys keys, UsageNoticeLog notices, TimeProvider clock, ILogger<RecordUsageNoticeHandler> logger)
    : ICommandHandler<RecordUsageNotice, Result<UsageNoticeReceipt>>
{
    public async ValueTask<Result<UsageNoticeReceipt>> Handle(RecordUsageNotice command, CancellationToken cancellationToken)
    {
        // Step 1
        var unsigned = (JsonObject)command.Signed.DeepClone();
        unsigned.Remove(SignedJson.SignaturesMember);
        var read = DomainJson.Read<UsageNotice>(unsigned, "the usage notice");
        if (!read.IsSuccess)
        {
            return read.Error;
        }
        var notice = read.Value;

        // Step 2
        if (notice.Consumer != command.Caller)
        {
            return Error.Forbidden($"The notice is {notice.Consumer}'s, but the access token is {command.Caller}'s.");
        }

        // Step 3
        var agreement = await AgreementOfAsync(notice, cancellationToken).ConfigureAwait(false);
        if (agreement is not null)
        {
            return agreement;
        }

        // Step 4
        var consumer = await broker.GetParticipantAsync(notice.Consumer, cancellationToken).ConfigureAwait(false);
        if (!consumer.IsSuccess)
        {
            return consumer.Error;
        }
        if (!Ed25519PublicKey.TryParse(consumer.Value.VerifierKey, out var key, out var keyError))
        {
            return Error.Unavailable($"The registry holds no usable key for {notice.Consumer}: {keyError}");
        }
        if (SignedJson.Verify(command.Signed, new VerifierKeyRing([key!]), [key!.KeyId]) is { IsValid: false } bad)
        {
            return Error.Forbidden($"The notice is not signed by {notice.Consumer}'s registered key: {bad.Message}");
        }

        // Step 5
        var now = Timestamps.Now(clock);
        var line = new JsonObject { ["recordedAt"] = Timestamps.Format(now), ["notice"] = command.Signed.DeepClone() };
        if (await notices.AppendAsync(line, cancellationToken).ConfigureAwait(false) is { } unwritten)
        {
            return unwritten;
        }
        UsageLogMessages.NoticeRecorded(logger, notice.TransferId, notice.Use, notice.Consumer);
        return new UsageNoticeReceipt(notice.TransferId, notice.Use, now);
    }

    /// <summary>Null when the ledger shows the notice's transfer under an agreement from this provider to its consumer; otherwise why not.</summary>
    private async Task<Error?> AgreementOfAsync(UsageNotice notice, CancellationToken cancellationToken)
    {
        var view = await broker.GetAgreementAsync(notice.AgreementId, cancellationToken).ConfigureAwait(false);
        if (!view.IsSuccess)
        {
            return view.Error;
        }
        var agreement = DomainJson.Read<Agreement>(view.Value.Entry["body"], "the agreement");
        if (!agreement.IsSuccess)
        {
            return Error.Unavailable($"The broker's agreement {notice.AgreementId} is unreadable: {agreement.Error.Message}");
        }
        if (agreement.Value.Provider != keys.ParticipantId || agreement.Value.Consumer != notice.Consumer)
        {
            return Error.Forbidden($"Agreement {notice.AgreementId} is not between provider {keys.ParticipantId} and consumer {notice.Consumer}.");
        }
        return view.Value.Transfers.Any(t => t.TransferId == notice.TransferId)
            ? null
            : Error.NotFound($"The ledger has no transfer {notice.TransferId} under agreement {notice.AgreementId}.");
    }
}

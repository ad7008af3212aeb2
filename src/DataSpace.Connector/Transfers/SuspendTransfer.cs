using DataSpace.Core.Results;
using Mediator;

namespace DataSpace.Connector.Transfers;

/// <summary>
/// The provider's operator pauses a transfer this connector serves: <c>transfer.suspended</c> is
/// recorded and a stream in flight is cut. The consumer's retries are refused until
/// <see cref="ResumeProvidedTransfer"/>.
/// </summary>
/// <param name="TransferId">The transfer.</param>
/// <param name="Reason">Why (recorded in the ledger).</param>
public sealed record SuspendProvidedTransfer(string TransferId, string? Reason) : ICommand<Result<SuspendedTransferView>>;

/// <summary>
/// The provider's operator resumes a transfer it suspended: the contract and the transfer policy
/// are checked again and <c>transfer.started</c> is recorded (still one use); the consumer's next
/// request for the transfer then goes on under it.
/// </summary>
/// <param name="TransferId">The transfer.</param>
public sealed record ResumeProvidedTransfer(string TransferId) : ICommand<Result<TransferTicket>>;

/// <summary>
/// The consumer's application pauses a transfer this connector receives: <c>transfer.suspended</c>
/// is recorded and a receive in flight is stopped, keeping nothing. <c>POST /received</c> with the
/// same transfer id resumes it.
/// </summary>
/// <param name="TransferId">The transfer.</param>
/// <param name="AgreementId">Its agreement, when this connector has not begun to receive it.</param>
/// <param name="Reason">Why (recorded in the ledger).</param>
public sealed record SuspendReceivedTransfer(string TransferId, string? AgreementId, string? Reason) : ICommand<Result<SuspendedTransferView>>;

internal sealed class SuspendProvidedTransferHandler(ProvidedTransfers transfers, TransferSuspension suspension) : ICommandHandler<SuspendProvidedTransfer, Result<SuspendedTransferView>>
{
    public async ValueTask<Result<SuspendedTransferView>> Handle(SuspendProvidedTransfer command, CancellationToken cancellationToken)
    {
        var known = await transfers.StartedAsync(command.TransferId, cancellationToken).ConfigureAwait(false);
        return known.IsSuccess
            ? await suspension.SuspendAsync(TransferSide.Provider, known.Value.TransferId, known.Value.AgreementId, command.Reason, cancellationToken).ConfigureAwait(false)
            : known.Error;
    }
}

internal sealed class ResumeProvidedTransferHandler(ProvidedTransfers transfers, IMediator mediator) : ICommandHandler<ResumeProvidedTransfer, Result<TransferTicket>>
{
    public async ValueTask<Result<TransferTicket>> Handle(ResumeProvidedTransfer command, CancellationToken cancellationToken)
    {
        var known = await transfers.StartedAsync(command.TransferId, cancellationToken).ConfigureAwait(false);
        return known.IsSuccess
            ? await mediator.Send(new StartTransfer(known.Value.Consumer, known.Value.AgreementId, known.Value.TransferId, ByProvider: true), cancellationToken).ConfigureAwait(false)
            : known.Error;
    }
}

internal sealed class SuspendReceivedTransferHandler(ReceivingJournal journal, TransferSuspension suspension) : ICommandHandler<SuspendReceivedTransfer, Result<SuspendedTransferView>>
{
    public async ValueTask<Result<SuspendedTransferView>> Handle(SuspendReceivedTransfer command, CancellationToken cancellationToken)
    {
        var agreementId = (await journal.FindAsync(command.TransferId, cancellationToken).ConfigureAwait(false))?.AgreementId ?? command.AgreementId;
        return string.IsNullOrWhiteSpace(agreementId)
            ? Error.Invalid($"agreementId is required: this connector is not receiving transfer {command.TransferId}.")
            : await suspension.SuspendAsync(TransferSide.Consumer, command.TransferId, agreementId, command.Reason, cancellationToken).ConfigureAwait(false);
    }
}

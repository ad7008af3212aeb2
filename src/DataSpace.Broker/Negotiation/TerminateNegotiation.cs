using System.Text.Json;
using DataSpace.Core.Api;
using System.Text.Json.Nodes;
using DataSpace.Broker.Common;
using DataSpace.Broker.Ledger;
using DataSpace.Core.Negotiation;
using DataSpace.Core.Results;
using Mediator;

namespace DataSpace.Broker.Negotiation;

/// <summary>The consumer ends its negotiation: its signed <c>negotiation.terminated</c> entry, recorded in the ledger.</summary>
/// <param name="Caller">The authenticated participant.</param>
/// <param name="NegotiationId">The negotiation.</param>
/// <param name="Entry">The signed termination.</param>
public sealed record TerminateNegotiation(string Caller, string NegotiationId, JsonElement Entry) : ICommand<Result<NegotiationView>>;

internal sealed class TerminateNegotiationHandler(BrokerLedger ledger, ConsumerTurn turn, NegotiationSteps steps) : ICommandHandler<TerminateNegotiation, Result<NegotiationView>>
{
    public async ValueTask<Result<NegotiationView>> Handle(TerminateNegotiation command, CancellationToken cancellationToken) =>
        await turn.RunAsync(command.Caller, command.NegotiationId, async n =>
        {
            var read = SignedEntries.Read(command.Entry, NegotiationTerminated.EntryType);
            if (!read.IsSuccess)
            {
                return read.Error;
            }
            return SignedBy.Caller(ledger, read.Value, command.Caller) is { } unsigned
                ? unsigned
                : await steps.RecordTerminationAsync(n, read.Value, command.Caller, "terminated-by-consumer", cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
}

using DataSpace.Core.StateMachines;
using static DataSpace.Core.StateMachines.ProtocolRole;
using static DataSpace.Core.Transfers.TransferMessage;
using static DataSpace.Core.Transfers.TransferState;

namespace DataSpace.Core.Transfers;

/// <summary>
/// The transfer process state machine (DSP 2025-1, "Transfer Process Protocol"):
/// REQUESTED → STARTED ⇄ SUSPENDED, STARTED → COMPLETED, any non-final state → TERMINATED.
/// Only the provider starts a requested transfer: it is the one that checked the contract.
/// </summary>
public static class TransferStateMachine
{
    private static readonly ProtocolRole[] Either = [Consumer, Provider];

    /// <summary>The transition table; every move of every transfer goes through it.</summary>
    public static TransitionTable<TransferState, TransferMessage> Table { get; } = new(
        "transfer",
        [
            new(null, TransferRequest, Consumer, Requested),
            new(Requested, Start, Provider, Started),
            .. Either.Select(role => new Transition<TransferState, TransferMessage>(Suspended, Start, role, Started)),
            .. Either.Select(role => new Transition<TransferState, TransferMessage>(Started, Suspend, role, Suspended)),
            .. Either.Select(role => new Transition<TransferState, TransferMessage>(Started, Complete, role, Completed)),
            .. from state in new[] { Requested, Started, Suspended }
               from role in Either
               select new Transition<TransferState, TransferMessage>(state, Terminate, role, Terminated),
        ],
        terminal: [Completed, Terminated]);
}

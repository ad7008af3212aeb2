using DataSpace.Core.Results;
using DataSpace.Core.Transfers;
using static DataSpace.Core.StateMachines.ProtocolRole;
using static DataSpace.Core.Transfers.TransferMessage;
using static DataSpace.Core.Transfers.TransferState;

namespace DataSpace.Core.Tests.Transfers;

public sealed class TransferStateMachineTests
{
    private static readonly DataSpace.Core.StateMachines.TransitionTable<TransferState, TransferMessage> Table = TransferStateMachine.Table;

    [Fact]
    public void HappyPath_WithSuspendAndResume()
    {
        var state = Table.Start(TransferRequest, Consumer).Value;
        state = Table.Apply(state, Start, Provider).Value;
        state = Table.Apply(state, Suspend, Consumer).Value;
        Assert.Equal(Suspended, state);
        state = Table.Apply(state, Start, Consumer).Value;
        state = Table.Apply(state, Complete, Consumer).Value;
        Assert.Equal(Completed, state);
    }

    [Fact]
    public void OnlyTheProvider_StartsARequestedTransfer() =>
        Assert.Equal(ErrorKind.Forbidden, Table.Apply(Requested, Start, Consumer).Error!.Kind);

    [Theory]
    [InlineData(Requested, Complete)]
    [InlineData(Suspended, Complete)]
    [InlineData(Requested, Suspend)]
    [InlineData(Completed, Terminate)]
    [InlineData(Terminated, Start)]
    public void IllegalMove_IsAConflict(TransferState state, TransferMessage message) =>
        Assert.Equal(ErrorKind.Conflict, Table.Apply(state, message, Provider).Error!.Kind);

    [Theory]
    [InlineData(Requested)]
    [InlineData(Started)]
    [InlineData(Suspended)]
    public void AnyOpenState_CanBeTerminatedByEither(TransferState state)
    {
        Assert.Equal(Terminated, Table.Apply(state, Terminate, Consumer).Value);
        Assert.Equal(Terminated, Table.Apply(state, Terminate, Provider).Value);
    }
}

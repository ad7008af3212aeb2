using DataSpace.Core.Json;
using DataSpace.Core.Participants;
using DataSpace.Core.Policies;
using DataSpace.Core.Results;
using DataSpace.Core.Space;
using DataSpace.Core.Transfers;
using static DataSpace.Core.Tests.Space.SpaceScenario;

namespace DataSpace.Core.Tests.Space;

public sealed class TransferFoldTests
{
    private readonly SpaceScenario _space = new();

    private Error? Start(string transferId = "trf-1", DateTimeOffset? time = null, string signer = Provider) =>
        _space.Offer(TransferStarted.EntryType, DomainJson.ToNode(StartedOf(transferId, time)), signer);

    [Fact]
    public void Start_WithinValidity_StartedAndCountsOneUse()
    {
        _space.WithAgreement(maxUses: 3);

        Assert.Null(Start());

        Assert.Equal(TransferState.Started, _space.State.FindTransfer("trf-1")!.State);
        Assert.Equal(1, _space.State.FindAgreement(AgreementId)!.Uses);
        Assert.Equal(2, _space.State.FindAgreement(AgreementId)!.UsesLeft);
    }

    [Fact]
    public void Start_AtValidFrom_Started()
    {
        _space.WithAgreement();

        Assert.Null(Start(time: ValidFrom));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(-86_400)]
    public void Start_BeforeTheAgreementsValidity_Forbidden(int seconds)
    {
        _space.WithAgreement();

        var error = Start(time: ValidFrom.AddSeconds(seconds));

        Assert.Equal(ErrorKind.Forbidden, error!.Kind);
        Assert.Contains("is not valid at", error.Message, StringComparison.Ordinal);
        Assert.Null(_space.State.FindTransfer("trf-1"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Start_AtOrAfterValidUntil_Forbidden(int seconds)
    {
        _space.WithAgreement();

        Assert.Equal(ErrorKind.Forbidden, Start(time: ValidUntil.AddSeconds(seconds))!.Kind);
    }

    [Fact]
    public void Start_BeyondMaxUses_Forbidden()
    {
        _space.WithAgreement(maxUses: 2);
        Assert.Null(Start("trf-1"));
        Assert.Null(Start("trf-2"));

        var error = Start("trf-3");

        Assert.Equal(ErrorKind.Forbidden, error!.Kind);
        Assert.Contains("used all 2 uses", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, _space.State.FindAgreement(AgreementId)!.Uses);
    }

    [Fact]
    public void Start_UnlimitedAgreement_NeverRunsOut()
    {
        _space.WithAgreement(maxUses: null);

        for (var i = 0; i < 10; i++)
        {
            Assert.Null(Start($"trf-{i}"));
        }
        Assert.Null(_space.State.FindAgreement(AgreementId)!.UsesLeft);
    }

    [Fact]
    public void Terminated_IsNotAUse_AndRestartsWithTheSameId()
    {
        _space.WithAgreement(maxUses: 1);
        Assert.Null(Start("trf-1"));

        _space.Accept(TransferTerminated.EntryType, DomainJson.ToNode(TerminatedOf("trf-1")), Consumer);
        Assert.Equal(TransferState.Terminated, _space.State.FindTransfer("trf-1")!.State);
        Assert.Equal(0, _space.State.FindAgreement(AgreementId)!.Uses);

        Assert.Null(Start("trf-1", During.AddHours(1)));
        Assert.Equal(TransferState.Started, _space.State.FindTransfer("trf-1")!.State);
        Assert.Equal(1, _space.State.FindAgreement(AgreementId)!.Uses);
        Assert.Equal(ErrorKind.Forbidden, Start("trf-2", During.AddHours(2))!.Kind);
    }

    [Fact]
    public void Start_SameIdWhileRunning_Conflict()
    {
        _space.WithAgreement();
        Assert.Null(Start());

        Assert.Equal(ErrorKind.Conflict, Start(time: During.AddMinutes(5))!.Kind);
    }

    [Fact]
    public void Start_CoreDataAsCopy_Forbidden()
    {
        // The agreement fold never finalizes such an agreement; the transfer fold refuses it all the same.
        _space.WithOffer(category: "core");
        _space.State.Put(new AgreementRecord(AgreementOf(category: "core", delivery: "copy"), 99));

        var error = Start();

        Assert.Equal(ErrorKind.Forbidden, error!.Kind);
        Assert.Contains("core data is never released as a raw copy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_UnderAComputeAgreement_Forbidden()
    {
        // A compute agreement lets the consumer run computations at the provider; a transfer would
        // hand over the data itself — for core data, exactly the raw copy the law forbids.
        _space.WithOffer(category: "core");
        _space.Accept(global::DataSpace.Core.Negotiation.Agreement.EntryType, DomainJson.ToNode(AgreementOf(category: "core", delivery: "compute")), Provider, Consumer, Operator);

        var error = Start();

        Assert.Equal(ErrorKind.Forbidden, error!.Kind);
        Assert.Contains("computation at the provider", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_DecisionNotAllowed_Forbidden()
    {
        _space.WithAgreement();

        var error = _space.Refuse(TransferStarted.EntryType, DomainJson.ToNode(StartedOf(decision: Decision(allowed: false, path: PolicyInputs.TransferPath))), Provider);

        Assert.Equal(ErrorKind.Forbidden, error.Kind);
        Assert.Contains("transfer decision did not allow", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_DecisionUnderUnrecordedBundle_Invalid()
    {
        _space.WithAgreement();

        var error = _space.Refuse(TransferStarted.EntryType, DomainJson.ToNode(StartedOf(decision: Decision(digest: "sha256:ffff", path: PolicyInputs.TransferPath))), Provider);

        Assert.Equal(ErrorKind.Invalid, error.Kind);
        Assert.Contains("cannot be re-evaluated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_DecisionWithoutInput_Invalid()
    {
        _space.WithAgreement();
        var decision = Decision(path: PolicyInputs.TransferPath);
        decision.Remove("input");

        Assert.Equal(ErrorKind.Invalid, _space.Refuse(TransferStarted.EntryType, DomainJson.ToNode(StartedOf(decision: decision)), Provider).Kind);
    }

    [Theory]
    [InlineData(Consumer)]
    [InlineData(Operator)]
    public void Start_NotSignedByProvider_Forbidden(string signer)
    {
        _space.WithAgreement();

        Assert.Equal(ErrorKind.Forbidden, Start(signer: signer)!.Kind);
    }

    [Fact]
    public void Start_UnderNoAgreement_NotFound()
    {
        _space.WithOffer();

        Assert.Equal(ErrorKind.NotFound, Start()!.Kind);
    }

    [Fact]
    public void Start_ConsumerSuspended_Forbidden()
    {
        _space.WithAgreement();
        _space.Accept(ParticipantStatusChange.EntryType, DomainJson.ToNode(StatusOf(Consumer, ParticipantStatus.Suspended)), Operator);

        Assert.Equal(ErrorKind.Forbidden, Start()!.Kind);
    }

    [Fact]
    public void Start_PartiesDifferFromTheAgreement_Invalid()
    {
        _space.WithAgreement();

        var error = _space.Refuse(TransferStarted.EntryType, DomainJson.ToNode(StartedOf() with { Consumer = Stranger }), Provider);

        Assert.Equal(ErrorKind.Invalid, error.Kind);
    }

    [Fact]
    public void Complete_SignedByBothParties_Completed()
    {
        _space.WithAgreement();
        Assert.Null(Start());

        _space.Accept(TransferCompleted.EntryType, DomainJson.ToNode(CompletedOf()), Provider, Consumer);

        var transfer = _space.State.FindTransfer("trf-1")!;
        Assert.Equal(TransferState.Completed, transfer.State);
        Assert.Equal(1024, transfer.Completion!.Size);
        Assert.Equal(1, _space.State.FindAgreement(AgreementId)!.Uses);
    }

    [Theory]
    [InlineData(Provider)]
    [InlineData(Consumer)]
    public void Complete_WithOneSignature_Forbidden(string signer)
    {
        _space.WithAgreement();
        Assert.Null(Start());

        Assert.Equal(ErrorKind.Forbidden, _space.Refuse(TransferCompleted.EntryType, DomainJson.ToNode(CompletedOf()), signer).Kind);
    }

    [Fact]
    public void Complete_AfterTermination_Conflict()
    {
        _space.WithAgreement();
        Assert.Null(Start());
        _space.Accept(TransferTerminated.EntryType, DomainJson.ToNode(TerminatedOf()), Consumer);

        Assert.Equal(ErrorKind.Conflict, _space.Refuse(TransferCompleted.EntryType, DomainJson.ToNode(CompletedOf()), Provider, Consumer).Kind);
    }

    [Fact]
    public void Complete_NeverStarted_NotFound()
    {
        _space.WithAgreement();

        Assert.Equal(ErrorKind.NotFound, _space.Refuse(TransferCompleted.EntryType, DomainJson.ToNode(CompletedOf()), Provider, Consumer).Kind);
    }

    [Theory]
    [InlineData(Provider)]
    [InlineData(Consumer)]
    public void Suspend_ByAParty_SuspendedAndStillOneUse_ThenResumedByANewStartWithoutASecondUse(string by)
    {
        _space.WithAgreement(maxUses: 1);
        Assert.Null(Start());

        _space.Accept(TransferSuspended.EntryType, DomainJson.ToNode(SuspendedOf(by: by)), by);
        var suspended = _space.State.FindTransfer("trf-1")!;
        Assert.Equal((TransferState.Suspended, by), (suspended.State, suspended.SuspendedBy));
        Assert.Equal(1, _space.State.FindAgreement(AgreementId)!.Uses);

        Assert.Null(Start(time: During.AddHours(1)));
        var resumed = _space.State.FindTransfer("trf-1")!;
        Assert.Equal((TransferState.Started, null), (resumed.State, resumed.SuspendedBy));
        Assert.Equal(1, _space.State.FindAgreement(AgreementId)!.Uses);
        _space.Accept(TransferCompleted.EntryType, DomainJson.ToNode(CompletedOf()), Provider, Consumer);
        Assert.Equal(TransferState.Completed, _space.State.FindTransfer("trf-1")!.State);
    }

    [Fact]
    public void Suspended_CannotComplete_ButEitherPartyMayTerminateIt_WhichIsNotAUse()
    {
        _space.WithAgreement();
        Assert.Null(Start());
        _space.Accept(TransferSuspended.EntryType, DomainJson.ToNode(SuspendedOf()), Provider);

        Assert.Equal(ErrorKind.Conflict, _space.Refuse(TransferCompleted.EntryType, DomainJson.ToNode(CompletedOf()), Provider, Consumer).Kind);
        Assert.Equal(ErrorKind.Conflict, _space.Refuse(TransferSuspended.EntryType, DomainJson.ToNode(SuspendedOf(by: Consumer)), Consumer).Kind);

        _space.Accept(TransferTerminated.EntryType, DomainJson.ToNode(TerminatedOf()), Consumer);
        Assert.Equal(TransferState.Terminated, _space.State.FindTransfer("trf-1")!.State);
        Assert.Equal(0, _space.State.FindAgreement(AgreementId)!.Uses);
    }

    [Fact]
    public void Suspend_ByStrangerOrUnsigned_Refused_AndNeverStarted_NotFound()
    {
        _space.WithAgreement();
        Assert.Equal(ErrorKind.NotFound, _space.Refuse(TransferSuspended.EntryType, DomainJson.ToNode(SuspendedOf()), Provider).Kind);
        Assert.Null(Start());

        Assert.Equal(ErrorKind.Forbidden, _space.Refuse(TransferSuspended.EntryType, DomainJson.ToNode(SuspendedOf(by: Stranger)), Stranger).Kind);
        Assert.Equal(ErrorKind.Forbidden, _space.Refuse(TransferSuspended.EntryType, DomainJson.ToNode(SuspendedOf(by: Consumer)), Provider).Kind);
    }

    [Fact]
    public void Resume_OutsideTheAgreementsValidity_Forbidden()
    {
        _space.WithAgreement();
        Assert.Null(Start());
        _space.Accept(TransferSuspended.EntryType, DomainJson.ToNode(SuspendedOf()), Provider);

        Assert.Equal(ErrorKind.Forbidden, Start(time: ValidUntil)!.Kind);
        Assert.Equal(TransferState.Suspended, _space.State.FindTransfer("trf-1")!.State);
    }

    [Fact]
    public void Terminate_ByStranger_Forbidden()
    {
        _space.WithAgreement();
        Assert.Null(Start());

        Assert.Equal(ErrorKind.Forbidden, _space.Refuse(TransferTerminated.EntryType, DomainJson.ToNode(TerminatedOf(by: Stranger)), Stranger).Kind);
    }

    [Fact]
    public void Delete_CompletedTransferByItsConsumer_Recorded()
    {
        CompletedTransfer();

        _space.Accept(DataDeleted.EntryType, DomainJson.ToNode(DeletedOf()), Consumer);

        Assert.True(_space.State.FindTransfer("trf-1")!.Deleted);
    }

    [Fact]
    public void Delete_StartedButNotCompleted_Conflict()
    {
        _space.WithAgreement();
        Assert.Null(Start());

        var error = _space.Refuse(DataDeleted.EntryType, DomainJson.ToNode(DeletedOf()), Consumer);

        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.Contains("delivered no data", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Delete_TerminatedTransfer_Conflict()
    {
        _space.WithAgreement();
        Assert.Null(Start());
        _space.Accept(TransferTerminated.EntryType, DomainJson.ToNode(TerminatedOf(by: Provider)), Provider);

        Assert.Equal(ErrorKind.Conflict, _space.Refuse(DataDeleted.EntryType, DomainJson.ToNode(DeletedOf()), Consumer).Kind);
    }

    [Fact]
    public void Delete_SignedByProvider_Forbidden()
    {
        CompletedTransfer();

        Assert.Equal(ErrorKind.Forbidden, _space.Refuse(DataDeleted.EntryType, DomainJson.ToNode(DeletedOf()), Provider).Kind);
    }

    [Fact]
    public void Delete_NamingAnotherConsumer_Forbidden()
    {
        CompletedTransfer();

        Assert.Equal(ErrorKind.Forbidden, _space.Refuse(DataDeleted.EntryType, DomainJson.ToNode(DeletedOf(consumer: Provider)), Provider).Kind);
    }

    [Fact]
    public void Delete_Twice_Conflict()
    {
        CompletedTransfer();
        _space.Accept(DataDeleted.EntryType, DomainJson.ToNode(DeletedOf()), Consumer);

        Assert.Equal(ErrorKind.Conflict, _space.Refuse(DataDeleted.EntryType, DomainJson.ToNode(DeletedOf() with { Reason = "again" }), Consumer).Kind);
    }

    [Fact]
    public void Delete_UnknownTransfer_NotFound()
    {
        _space.WithAgreement();

        Assert.Equal(ErrorKind.NotFound, _space.Refuse(DataDeleted.EntryType, DomainJson.ToNode(DeletedOf("trf-9")), Consumer).Kind);
    }

    private void CompletedTransfer()
    {
        _space.WithAgreement();
        Assert.Null(Start());
        _space.Accept(TransferCompleted.EntryType, DomainJson.ToNode(CompletedOf()), Provider, Consumer);
    }
}

using System.Text.Json.Nodes;
using DataSpace.Broker.Ledger;
using DataSpace.Core.Json;
using DataSpace.Core.Participants;
using DataSpace.Core.Results;
using DataSpace.Crypto.Signatures;
using DataSpace.Ledger.Checkpoints;
using DataSpace.Ledger.Domain;
using DataSpace.Ledger.Entries;
using DataSpace.Ledger.Logs;
using DataSpace.Ledger.Notes;
using DataSpace.Ledger.Storage;

namespace DataSpace.Broker.Tests.Ledger;

/// <summary>
/// The broker's check of a posted cosignature, without HTTP: the caller must be an active
/// participant and the cosignature must be by its registered key as a cosignature/v1 key.
/// </summary>
public sealed class ParticipantCosignaturesTests : IAsyncLifetime
{
    private readonly Ed25519Signer _broker = Ed25519Signer.Generate("88.100.1");
    private readonly Ed25519Signer _alice = Ed25519Signer.Generate("88.608.8889");
    private readonly Ed25519Signer _bob = Ed25519Signer.Generate("88.123.4567");
    private readonly SpaceRule _rule = new("88.100.1");
    private LedgerLog _log = null!;

    public async ValueTask InitializeAsync()
    {
        _log = await LedgerLog.OpenAsync(new MemoryLedgerStore(), new MemoryCheckpointStore(), new LedgerLogOptions
        {
            LogKey = _broker,
            Operator = _broker.PublicKey,
            Rules = [() => _rule],
        }, TestContext.Current.CancellationToken);
        await AppendAsync(Registration(_broker), _broker);
        await AppendAsync(Registration(_alice), _alice, _broker);
        await AppendAsync(Registration(_bob), _bob, _broker);
    }

    public async ValueTask DisposeAsync()
    {
        await _log.DisposeAsync();
        _broker.Dispose();
        _alice.Dispose();
        _bob.Dispose();
    }

    [Fact]
    public async Task Check_ActiveParticipantsOwnCosignature_Accepted()
    {
        var accepted = ParticipantCosignatures.Check(_log, _rule.Projection.State, _alice.Name, await CosignedByAsync(_alice));

        Assert.True(accepted.IsSuccess, accepted.Error?.Message);
        Assert.Equal(_alice.Name, accepted.Value.Witness);
        Assert.Equal(_log.Size, accepted.Value.Size);
    }

    [Fact]
    public async Task Check_CosignatureOfAnotherParticipant_Invalid()
    {
        var error = ParticipantCosignatures.Check(_log, _rule.Projection.State, _bob.Name, await CosignedByAsync(_alice)).Error!;

        Assert.Equal(ErrorKind.Invalid, error.Kind);
        Assert.Contains($"no cosignature by {_bob.Name}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_UnregisteredCaller_Forbidden()
    {
        using var stranger = Ed25519Signer.Generate("88.999.1");

        Assert.Equal(ErrorKind.Forbidden, ParticipantCosignatures.Check(_log, _rule.Projection.State, stranger.Name, await CosignedByAsync(stranger)).Error!.Kind);
    }

    [Fact]
    public async Task Check_SuspendedParticipant_Forbidden()
    {
        await AppendAsync(DomainJson.ToNode(new ParticipantStatusChange(_alice.Name, ParticipantStatus.Suspended, "audit", DateTimeOffset.UnixEpoch)), ParticipantStatusChange.EntryType, _broker);

        var error = ParticipantCosignatures.Check(_log, _rule.Projection.State, _alice.Name, await CosignedByAsync(_alice)).Error!;

        Assert.Equal(ErrorKind.Forbidden, error.Kind);
        Assert.Contains("suspended", error.Message, StringComparison.Ordinal);
    }

    private async Task<string> CosignedByAsync(Ed25519Signer participant)
    {
        var checkpoint = (await _log.CheckpointAsync(TestContext.Current.CancellationToken)).Note.Format();
        using var cosigner = ParticipantCosigner.Signer(participant);
        return checkpoint + cosigner.Cosign(SignedNote.Parse(checkpoint).Text, 1_800_000_000).FormatLine();
    }

    private static JsonObject Registration(Ed25519Signer key) =>
        new ParticipantRegistration(key.Name, key.PublicKey, "age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq", new JsonObject { ["country"] = "CN" }).ToBody();

    private Task AppendAsync(JsonObject body, params Ed25519Signer[] signers) => AppendAsync(body, ParticipantRegistration.EntryType, signers);

    private async Task AppendAsync(JsonObject body, string type, params Ed25519Signer[] signers)
    {
        var appended = await _log.AppendAsync(LedgerEntry.Create(type, body, signers), TestContext.Current.CancellationToken);
        Assert.True(appended.IsAccepted, appended.Verdict.ToString());
    }
}

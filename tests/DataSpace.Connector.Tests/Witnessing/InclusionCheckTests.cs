using System.Text.Json.Nodes;
using DataSpace.Connector.Witnessing;
using DataSpace.Core.Api;
using DataSpace.Core.Results;
using DataSpace.Crypto.Signatures;
using DataSpace.Ledger.Checkpoints;
using DataSpace.Ledger.Entries;
using DataSpace.Ledger.Merkle;

namespace DataSpace.Connector.Tests.Witnessing;

/// <summary>An entry counts as in the ledger only with a proof against the witnessed checkpoint.</summary>
public sealed class InclusionCheckTests : IDisposable
{
    private readonly Ed25519Signer _party = Ed25519Signer.Generate("88.000.0003");
    private readonly TestLedger _ledger = new(leaves: 6);

    public void Dispose()
    {
        _party.Dispose();
        _ledger.Dispose();
    }

    [Fact]
    public void Verify_EntryAtItsIndex_Accepted()
    {
        var (entry, index) = Record(new JsonObject { ["n"] = 1 });
        _ledger.Grow(5);

        Assert.Null(InclusionCheck.Verify(entry, index, Checkpoint(), Proof(index)));
    }

    [Fact]
    public void Verify_OtherEntryOrOtherIndex_Refused()
    {
        var (entry, index) = Record(new JsonObject { ["n"] = 1 });
        var other = LedgerEntry.Create("test.entry", new JsonObject { ["n"] = 2 }, [_party]);

        var wrongEntry = InclusionCheck.Verify(other, index, Checkpoint(), Proof(index));
        var wrongIndex = InclusionCheck.Verify(entry, index - 1, Checkpoint(), Proof(index - 1));

        Assert.Equal(ErrorKind.Forbidden, wrongEntry!.Kind);
        Assert.Equal(ErrorKind.Forbidden, wrongIndex!.Kind);
    }

    [Fact]
    public void Verify_ProofForAnotherTreeOrGarbage_Refused()
    {
        var (entry, index) = Record(new JsonObject { ["n"] = 1 });
        var proof = Proof(index);

        Assert.NotNull(InclusionCheck.Verify(entry, index, Checkpoint(), proof with { Size = proof.Size - 1 }));
        Assert.NotNull(InclusionCheck.Verify(entry, index, Checkpoint(), proof with { Hashes = ["not base64!"] }));
        Assert.NotNull(InclusionCheck.Verify(entry, index, Checkpoint(), proof with { Hashes = [.. proof.Hashes, proof.Hashes[0]] }));
    }

    private (LedgerEntry Entry, ulong Index) Record(JsonObject body)
    {
        var entry = LedgerEntry.Create("test.entry", body, [_party]);
        var index = _ledger.Size;
        _ledger.Append(entry.Bytes.ToArray());
        return (entry, index);
    }

    private Checkpoint Checkpoint() => new(TestLedger.Origin, _ledger.Size, MerkleTree.RootHash(_ledger.Size, _ledger.Hashes));

    private ProofView Proof(ulong index) =>
        new(index, _ledger.Size, [.. MerkleTree.InclusionProof(index, _ledger.Size, _ledger.Hashes).Select(Convert.ToBase64String)]);
}

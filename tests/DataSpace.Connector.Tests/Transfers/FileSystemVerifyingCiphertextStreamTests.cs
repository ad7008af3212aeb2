using System.Text.Json.Nodes;
using DataSpace.Connector.Tests.Witnessing;
using DataSpace.Connector.Transfers;
using DataSpace.Core.Results;
using DataSpace.Crypto.Age;
using DataSpace.Crypto.Sealing;
using DataSpace.Crypto.Signatures;
using DataSpace.Storage;
using DataSpace.Storage.Azure;
using DataSpace.Storage.FileSystem;
using DataSpace.Testing;

namespace DataSpace.Connector.Tests.TransferTests;

/// <summary>The contract on the file-system store, and flat memory for a large transfer.</summary>
[Collection(AllocationMeasurements.Name)]
public sealed class FileSystemVerifyingCiphertextStreamTests : VerifyingCiphertextStreamContract, IDisposable
{
    private readonly FileSystemBlobStore _store;

    public FileSystemVerifyingCiphertextStreamTests()
    {
        _store = new FileSystemBlobStore(Path.Combine(Folder.Path, "store"));
    }

    private TempFolder Folder { get; } = new();

    protected override IBlobStore Store => _store;

    public void Dispose() => Folder.Dispose();

    [Fact]
    public async Task Put_LargeContentFromAnUnsizedSource_KeepsMemoryFlat()
    {
        const int Size = 48 << 20;
        var plain = Path.Combine(Folder.Path, "plain.bin");
        var sealedFile = Path.Combine(Folder.Path, "sealed.age");
        using var provider = Ed25519Signer.Generate("88.000.0010");
        using var consumer = X25519Identity.Generate();
        await using (var file = File.Create(plain))
        {
            var block = new byte[1 << 20];
            new Random(1).NextBytes(block);
            for (var i = 0; i < Size / block.Length; i++)
            {
                await file.WriteAsync(block, Ct);
            }
        }
        JsonObject manifest;
        await using (var input = File.OpenRead(plain))
        await using (var output = File.Create(sealedFile))
        {
            manifest = await Sealer.SealAsync(input, output, [consumer.Recipient], provider,
                new SealOptions { Context = TransferManifests.Context(SealedTransfer.AgreementId, SealedTransfer.TransferId, SealedTransfer.AssetId, SealedTransfer.ConsumerId) }, Ct);
        }
        var expectation = new ManifestExpectation(provider.PublicKey, SealedTransfer.AgreementId, SealedTransfer.TransferId, SealedTransfer.AssetId, SealedTransfer.ConsumerId, consumer.Recipient.ToString());

        var before = GC.GetTotalAllocatedBytes(precise: true);
        await using (var source = File.OpenRead(sealedFile))
        await using (var receiving = new VerifyingCiphertextStream(source, [consumer], (_, _) => Task.FromResult(Result<JsonObject>.Success(manifest)), expectation))
        {
            await Store.PutAsync(Key, receiving, Metadata, receiving.CheckAsync, Ct);
            Assert.NotNull(receiving.Verified);
        }
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.True(allocated < Size / 4, $"receiving {Size >> 20} MiB allocated {allocated >> 20} MiB");
    }
}

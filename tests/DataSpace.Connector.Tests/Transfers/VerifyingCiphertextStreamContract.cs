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

/// <summary>
/// The consumer's one pass over a transfer's content, held to the same contract on every store:
/// the store publishes the ciphertext only when it decrypted whole and matched the provider-signed
/// manifest; otherwise nothing is visible under the key.
/// </summary>
public abstract class VerifyingCiphertextStreamContract
{
    protected const string Key = "88.000.0010/transfer-1";
    protected static readonly Dictionary<string, string> Metadata = new() { ["transferId"] = SealedTransfer.TransferId };

    protected abstract IBlobStore Store { get; }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(64 * 1024)]
    [InlineData(300 * 1024 + 17)]
    public async Task Put_ContentMatchingItsManifest_PublishesTheCiphertextAsIs(int size)
    {
        using var sealedTransfer = await SealedTransfer.CreateAsync(size);
        await using var receiving = sealedTransfer.Receive(new MemoryStream(sealedTransfer.Ciphertext));

        var info = await Store.PutAsync(Key, receiving, Metadata, receiving.CheckAsync, Ct);

        var verified = Assert.IsType<VerifiedContent>(receiving.Verified);
        Assert.Equal(verified.Manifest.CiphertextSha256, info.Sha256);
        Assert.Equal(sealedTransfer.Ciphertext.Length, info.Size);
        Assert.Equal(size, verified.Digests.PlaintextSize);
        await using var stored = (await Store.OpenReadAsync(Key, Ct))!;
        using var plaintext = new MemoryStream();
        await AgeDecryptor.DecryptAsync(stored.Content, plaintext, [sealedTransfer.Consumer], Ct);
        Assert.Equal(sealedTransfer.Plaintext, plaintext.ToArray());
    }

    [Theory]
    [InlineData(20)]
    [InlineData(200)]
    [InlineData(70_000)]
    [InlineData(-1)]
    public async Task Put_TamperedCiphertext_PublishesNothing(int offset)
    {
        using var sealedTransfer = await SealedTransfer.CreateAsync(200 * 1024);
        var tampered = sealedTransfer.Ciphertext.ToArray();
        tampered[offset < 0 ? tampered.Length + offset : offset] ^= 0x01;

        await AssertRefusedAsync<AgeException>(sealedTransfer.Receive(new MemoryStream(tampered)));
    }

    [Fact]
    public async Task Put_ManifestSignedByAnotherKey_PublishesNothing()
    {
        using var sealedTransfer = await SealedTransfer.CreateAsync(10_000);
        using var impostor = Ed25519Signer.Generate("88.000.0010");
        var forged = sealedTransfer.Resigned(_ => { }, impostor);

        var e = await AssertRefusedAsync<SealException>(sealedTransfer.Receive(new MemoryStream(sealedTransfer.Ciphertext), sealedTransfer.Serving(forged)));
        Assert.Equal(SealFailure.BadSignature, e.Failure);
    }

    [Fact]
    public async Task Put_ManifestAlteredAfterSigning_PublishesNothing()
    {
        using var sealedTransfer = await SealedTransfer.CreateAsync(10_000);
        var altered = (JsonObject)sealedTransfer.Manifest.DeepClone();
        altered["plaintext"]!["size"] = 9_999;

        var e = await AssertRefusedAsync<SealException>(sealedTransfer.Receive(new MemoryStream(sealedTransfer.Ciphertext), sealedTransfer.Serving(altered)));
        Assert.Equal(SealFailure.BadSignature, e.Failure);
    }

    [Theory]
    [InlineData("plaintext", "sha256", SealFailure.PlaintextMismatch)]
    [InlineData("plaintext", "size", SealFailure.PlaintextMismatch)]
    [InlineData("ciphertext", "sha256", SealFailure.CiphertextMismatch)]
    [InlineData("ciphertext", "size", SealFailure.CiphertextMismatch)]
    public async Task Put_ProviderSignedWrongDigest_PublishesNothing(string part, string member, SealFailure failure)
    {
        using var sealedTransfer = await SealedTransfer.CreateAsync(10_000);
        var wrong = sealedTransfer.Resigned(m => m[part]![member] = member == "size" ? JsonValue.Create(12_345L) : JsonValue.Create(new string('0', 64)));

        var e = await AssertRefusedAsync<SealException>(sealedTransfer.Receive(new MemoryStream(sealedTransfer.Ciphertext), sealedTransfer.Serving(wrong)));
        Assert.Equal(failure, e.Failure);
    }

    [Fact]
    public async Task Put_ManifestOfAnotherTransfer_PublishesNothing()
    {
        using var sealedTransfer = await SealedTransfer.CreateAsync(10_000, TransferManifests.Context(SealedTransfer.AgreementId, "transfer-2", SealedTransfer.AssetId, SealedTransfer.ConsumerId));

        var fault = await AssertRefusedAsync<TransferFault>(sealedTransfer.Receive(new MemoryStream(sealedTransfer.Ciphertext)));
        Assert.Equal(ErrorKind.Forbidden, fault.Error.Kind);
    }

    [Fact]
    public async Task Put_ManifestNamingAnotherRecipient_PublishesNothing()
    {
        using var sealedTransfer = await SealedTransfer.CreateAsync(10_000);
        using var other = X25519Identity.Generate();
        var widened = sealedTransfer.Resigned(m => m["recipients"] = new JsonArray(sealedTransfer.Consumer.Recipient.ToString(), other.Recipient.ToString()));

        await AssertRefusedAsync<TransferFault>(sealedTransfer.Receive(new MemoryStream(sealedTransfer.Ciphertext), sealedTransfer.Serving(widened)));
    }

    [Fact]
    public async Task Put_ManifestUnavailable_PublishesNothing()
    {
        using var sealedTransfer = await SealedTransfer.CreateAsync(10_000);
        ManifestSource missing = (_, _) => Task.FromResult(Result<JsonObject>.Failure(Error.NotFound("no such stream")));

        var fault = await AssertRefusedAsync<TransferFault>(sealedTransfer.Receive(new MemoryStream(sealedTransfer.Ciphertext), missing));
        Assert.Equal("no such stream", fault.Error.Message);
    }

    [Fact]
    public async Task Put_StreamEndingEarly_PublishesNothing()
    {
        using var sealedTransfer = await SealedTransfer.CreateAsync(200 * 1024);

        await AssertRefusedAsync<AgeException>(sealedTransfer.Receive(new MemoryStream(sealedTransfer.Ciphertext[..^1000])));
    }

    [Fact]
    public async Task Put_ConnectionCutMidStream_PublishesNothing()
    {
        using var sealedTransfer = await SealedTransfer.CreateAsync(200 * 1024);

        await AssertRefusedAsync<IOException>(sealedTransfer.Receive(new CutStream(sealedTransfer.Ciphertext, cutAt: 100_000)));
    }

    [Fact]
    public async Task Put_BytesAfterTheAgeFile_PublishesNothing()
    {
        using var sealedTransfer = await SealedTransfer.CreateAsync(10_000);

        await AssertRefusedAsync<Exception>(sealedTransfer.Receive(new MemoryStream([.. sealedTransfer.Ciphertext, 1, 2, 3])));
    }

    [Fact]
    public async Task Read_AfterAFailure_KeepsFailing()
    {
        using var sealedTransfer = await SealedTransfer.CreateAsync(1000);
        var tampered = sealedTransfer.Ciphertext.ToArray();
        tampered[^1] ^= 1;
        await using var receiving = sealedTransfer.Receive(new MemoryStream(tampered));
        var buffer = new byte[64 * 1024];

        await Assert.ThrowsAnyAsync<AgeException>(async () =>
        {
            while (await receiving.ReadAsync(buffer, Ct) > 0)
            {
            }
        });

        await Assert.ThrowsAnyAsync<AgeException>(async () => _ = await receiving.ReadAsync(buffer, Ct));
        Assert.Null(receiving.Verified);
    }

    /// <summary>Runs the put to its failure and checks that the store shows nothing under the key.</summary>
    private protected async Task<TException> AssertRefusedAsync<TException>(VerifyingCiphertextStream receiving)
        where TException : Exception
    {
        await using (receiving)
        {
            var e = await Assert.ThrowsAnyAsync<TException>(() => Store.PutAsync(Key, receiving, Metadata, receiving.CheckAsync, Ct));
            Assert.Null(receiving.Verified);
            Assert.False(await Store.ExistsAsync(Key, Ct));
            Assert.Empty(await Store.ListAsync(cancellationToken: Ct).ToListAsync(Ct));
            return e;
        }
    }
}

using System.Security.Cryptography;
using System.Text.Json.Nodes;
using DataSpace.Crypto.Age;
using DataSpace.Crypto.Sealing;
using DataSpace.Crypto.Signatures;

namespace DataSpace.Crypto.Tests.Sealing;

public sealed class SealerTests : IDisposable
{
    private readonly Ed25519Signer _provider = Ed25519Signer.Generate("88.608.8889");
    private readonly X25519Identity _consumer = X25519Identity.Generate();
    private readonly byte[] _plaintext = RandomNumberGenerator.GetBytes(150_000);

    private async Task<(JsonObject Manifest, byte[] Ciphertext)> SealAsync(Dictionary<string, string>? context = null)
    {
        using var output = new MemoryStream();
        var manifest = await Sealer.SealAsync(new MemoryStream(_plaintext), output, [_consumer.Recipient], _provider,
            new SealOptions { Context = context }, TestContext.Current.CancellationToken);
        return (manifest, output.ToArray());
    }

    [Fact]
    public async Task Seal_ManifestDescribesBothSidesAndCarriesContext()
    {
        var (signed, ciphertext) = await SealAsync(new() { ["agreementId"] = "a-1", ["transferId"] = "t-1" });

        var manifest = SealManifest.FromSignedJson(signed, _provider.PublicKey);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(_plaintext)), manifest.PlaintextSha256);
        Assert.Equal(_plaintext.Length, manifest.PlaintextSize);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(ciphertext)), manifest.CiphertextSha256);
        Assert.Equal(ciphertext.Length, manifest.CiphertextSize);
        Assert.Equal([_consumer.Recipient.ToString()], manifest.Recipients);
        Assert.Equal("t-1", manifest.Context["transferId"]);
    }

    [Fact]
    public async Task Seal_KnownPlaintext_SignsTheKnownDigestSoAChangedPlaintextFailsAtTheRecipient()
    {
        var known = new KnownPlaintext(Convert.ToHexStringLower(SHA256.HashData(_plaintext)), _plaintext.Length);
        var changed = (byte[])_plaintext.Clone();
        changed[^1] ^= 1;
        using var output = new MemoryStream();

        var signed = await Sealer.SealAsync(new MemoryStream(changed), output, [_consumer.Recipient], _provider,
            new SealOptions { KnownPlaintext = known }, TestContext.Current.CancellationToken);
        var manifest = SealManifest.FromSignedJson(signed, _provider.PublicKey);

        Assert.Equal((known.Sha256, known.Size), (manifest.PlaintextSha256, manifest.PlaintextSize));
        var refused = await Assert.ThrowsAsync<SealException>(() => Sealer.OpenAsync(new MemoryStream(output.ToArray()), new MemoryStream(), [_consumer], manifest, null, TestContext.Current.CancellationToken));
        Assert.Equal(SealFailure.PlaintextMismatch, refused.Failure);
    }

    [Fact]
    public async Task Seal_KnownPlaintextOfAnotherLength_Refused()
    {
        var known = new KnownPlaintext(Convert.ToHexStringLower(SHA256.HashData(_plaintext)), _plaintext.Length + 1);

        var refused = await Assert.ThrowsAsync<SealException>(() => Sealer.SealAsync(new MemoryStream(_plaintext), new MemoryStream(), [_consumer.Recipient], _provider,
            new SealOptions { KnownPlaintext = known }, TestContext.Current.CancellationToken));

        Assert.Equal(SealFailure.PlaintextMismatch, refused.Failure);
    }

    [Fact]
    public async Task Open_MatchingManifest_ReleasesPlaintext()
    {
        var (signed, ciphertext) = await SealAsync();
        using var output = new MemoryStream();

        await Sealer.OpenAsync(new MemoryStream(ciphertext), output, [_consumer], SealManifest.FromSignedJson(signed, _provider.PublicKey), null, TestContext.Current.CancellationToken);

        Assert.Equal(_plaintext, output.ToArray());
    }

    [Fact]
    public async Task Open_TrailingBytesAfterTheAgeFile_AreACiphertextMismatchOrPayloadError()
    {
        var (signed, ciphertext) = await SealAsync();
        using var output = new MemoryStream();
        var manifest = SealManifest.FromSignedJson(signed, _provider.PublicKey);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Sealer.OpenAsync(new MemoryStream([.. ciphertext, 0]), output, [_consumer], manifest, null, TestContext.Current.CancellationToken));

        Assert.True(error is AgeException or SealException { Failure: SealFailure.CiphertextMismatch }, error.ToString());
    }

    [Fact]
    public async Task FromSignedJson_ChangedField_FailsSignature()
    {
        var (signed, _) = await SealAsync();
        signed["plaintext"]!["size"] = 1;

        Assert.Equal(SealFailure.BadSignature, Assert.Throws<SealException>(() => SealManifest.FromSignedJson(signed, _provider.PublicKey)).Failure);
    }

    [Fact]
    public async Task FromSignedJson_SignedButMalformed_IsMalformed()
    {
        var (signed, _) = await SealAsync();
        signed.Remove("signatures");
        signed.Remove("ciphertext");
        var resigned = SignedJson.Sign(signed, _provider);

        Assert.Equal(SealFailure.Malformed, Assert.Throws<SealException>(() => SealManifest.FromSignedJson(resigned, _provider.PublicKey)).Failure);
    }

    public void Dispose()
    {
        _provider.Dispose();
        _consumer.Dispose();
    }
}

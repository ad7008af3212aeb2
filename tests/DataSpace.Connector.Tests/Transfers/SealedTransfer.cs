using System.Text.Json.Nodes;
using DataSpace.Connector.Transfers;
using DataSpace.Core.Results;
using DataSpace.Crypto.Age;
using DataSpace.Crypto.Sealing;
using DataSpace.Crypto.Signatures;

namespace DataSpace.Connector.Tests.TransferTests;

/// <summary>A provider's sealed content and signed manifest, made in memory the way the provider connector makes them, with the consumer's side to check them.</summary>
internal sealed class SealedTransfer : IDisposable
{
    public const string AgreementId = "agreement-1";
    public const string TransferId = "transfer-1";
    public const string AssetId = "88.000.0010/PRD-0001";
    public const string ConsumerId = "88.000.0020";

    private SealedTransfer(Ed25519Signer provider, X25519Identity consumer, byte[] plaintext, byte[] ciphertext, JsonObject manifest)
    {
        Provider = provider;
        Consumer = consumer;
        Plaintext = plaintext;
        Ciphertext = ciphertext;
        Manifest = manifest;
    }

    public Ed25519Signer Provider { get; }

    public X25519Identity Consumer { get; }

    public byte[] Plaintext { get; }

    public byte[] Ciphertext { get; }

    public JsonObject Manifest { get; }

    public ManifestExpectation Expectation =>
        new(Provider.PublicKey, AgreementId, TransferId, AssetId, ConsumerId, Consumer.Recipient.ToString());

    /// <summary>Serves <see cref="Manifest"/> (or <paramref name="manifest"/>) for any digest, as a provider that kept it would.</summary>
    public ManifestSource Serving(JsonObject? manifest = null) =>
        (_, _) => Task.FromResult(Result<JsonObject>.Success((JsonObject)(manifest ?? Manifest).DeepClone()));

    public static async Task<SealedTransfer> CreateAsync(int size, IReadOnlyDictionary<string, string>? context = null)
    {
        var provider = Ed25519Signer.Generate("88.000.0010");
        var consumer = X25519Identity.Generate();
        var plaintext = new byte[size];
        new Random(size).NextBytes(plaintext);
        using var ciphertext = new MemoryStream();
        var manifest = await Sealer.SealAsync(
            new MemoryStream(plaintext), ciphertext, [consumer.Recipient], provider,
            new SealOptions { Context = context ?? TransferManifests.Context(AgreementId, TransferId, AssetId, ConsumerId) }, CancellationToken.None);
        return new SealedTransfer(provider, consumer, plaintext, ciphertext.ToArray(), manifest);
    }

    /// <summary>The manifest with one member replaced and signed again by <paramref name="signer"/> (the provider by default).</summary>
    public JsonObject Resigned(Action<JsonObject> change, Ed25519Signer? signer = null)
    {
        var unsigned = (JsonObject)Manifest.DeepClone();
        unsigned.Remove(SignedJson.SignaturesMember);
        change(unsigned);
        return SignedJson.Sign(unsigned, signer ?? Provider);
    }

    public VerifyingCiphertextStream Receive(Stream source, ManifestSource? manifests = null) =>
        new(source, [Consumer], manifests ?? Serving(), Expectation);

    public void Dispose()
    {
        Provider.Dispose();
        Consumer.Dispose();
    }
}

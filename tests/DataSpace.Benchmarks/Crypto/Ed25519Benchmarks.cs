using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using DataSpace.Crypto.Signatures;

namespace DataSpace.Benchmarks.Crypto;

/// <summary>
/// Ed25519 sign and verify per second (1 / mean), on a 256-byte message (the size of a ledger
/// entry's canonical body), and the same for a whole signed JSON object including RFC 8785
/// canonicalisation, which is what the ledger and the services do per message.
/// </summary>
[MemoryDiagnoser]
public class Ed25519Benchmarks
{
    private readonly byte[] _message = new byte[256];
    private Ed25519Signer _signer = null!;
    private byte[] _signature = [];
    private JsonObject _signedDocument = null!;
    private VerifierKeyRing _ring = null!;

    [GlobalSetup]
    public void Setup()
    {
        new Random(42).NextBytes(_message);
        _signer = Ed25519Signer.Generate("88.608.8889");
        _signature = _signer.Sign(_message);
        _ring = new VerifierKeyRing([_signer.PublicKey]);
        _signedDocument = SignedJson.Sign(new JsonObject
        {
            ["type"] = "agreement",
            ["agreementId"] = "3f0e8a5c-4d1b-4f1e-9a57-0c7b7d2f9e11",
            ["asset"] = "88.608.8889/PRD-0001",
            ["consumer"] = "88.123.4567",
            ["terms"] = new JsonObject { ["purposes"] = new JsonArray("quality-analysis"), ["maxUses"] = 3, ["notAfter"] = "2027-01-01T00:00:00Z" },
        }, _signer);
    }

    [Benchmark(Description = "Ed25519 sign (256 B)")]
    public byte[] Sign() => _signer.Sign(_message);

    [Benchmark(Description = "Ed25519 verify (256 B)")]
    public bool Verify() => _signer.PublicKey.Verify(_message, _signature);

    [Benchmark(Description = "signed JSON verify (canonicalise + Ed25519)")]
    public bool VerifySignedJson() => SignedJson.Verify(_signedDocument, _ring).IsValid;

    [GlobalCleanup]
    public void Cleanup() => _signer.Dispose();
}

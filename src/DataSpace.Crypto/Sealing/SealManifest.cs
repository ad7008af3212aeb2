using DataSpace.Core;
using System.Text.Json.Nodes;
using DataSpace.Crypto.Signatures;

namespace DataSpace.Crypto.Sealing;

/// <summary>
/// The signed description of a sealed (age-encrypted) file: what went in, what came out, for whom,
/// and who vouches for it (docs/formats.md, "Seal manifest"). The consumer of a transfer and
/// <c>dataspace open --verify</c> check a file against it before they release any plaintext.
/// </summary>
/// <param name="PlaintextSha256">SHA-256 of the plaintext, lowercase hex.</param>
/// <param name="PlaintextSize">Plaintext length in bytes.</param>
/// <param name="CiphertextSha256">SHA-256 of the age file as stored or sent, lowercase hex.</param>
/// <param name="CiphertextSize">Age file length in bytes.</param>
/// <param name="Armored">Whether the age file is ASCII-armored.</param>
/// <param name="Recipients">The age recipients it is encrypted to.</param>
/// <param name="Signer">The signer's verifier key.</param>
/// <param name="SealedAt">When it was sealed (UTC, seconds).</param>
/// <param name="Context">Extra signed context, e.g. agreementId and transferId for a transfer.</param>
public sealed record SealManifest(
    string PlaintextSha256,
    long PlaintextSize,
    string CiphertextSha256,
    long CiphertextSize,
    bool Armored,
    IReadOnlyList<string> Recipients,
    string Signer,
    DateTimeOffset SealedAt,
    IReadOnlyDictionary<string, string> Context)
{
    /// <summary>The manifest's <c>type</c> member.</summary>
    public const string Type = "dataspace.seal-manifest/v1";

    /// <summary>The unsigned JSON object; sign it with <see cref="SignedJson.Sign"/>.</summary>
    public JsonObject ToJson()
    {
        var context = new JsonObject();
        foreach (var (name, value) in Context.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            context[name] = value;
        }
        return new JsonObject
        {
            ["type"] = Type,
            ["plaintext"] = new JsonObject { ["sha256"] = PlaintextSha256, ["size"] = PlaintextSize },
            ["ciphertext"] = new JsonObject { ["sha256"] = CiphertextSha256, ["size"] = CiphertextSize, ["armored"] = Armored },
            ["recipients"] = new JsonArray(Recipients.Select(r => (JsonNode)JsonValue.Create(r)).ToArray()),
            ["signer"] = Signer,
            ["sealedAt"] = Timestamps.Format(SealedAt),
            ["context"] = context,
        };
    }

    /// <summary>
    /// Verifies the signature by <paramref name="signer"/> and reads the manifest.
    /// </summary>
    /// <exception cref="SealException">The signature does not verify or the manifest is malformed.</exception>
    public static SealManifest FromSignedJson(JsonObject signed, Ed25519PublicKey signer)
    {
        var verification = SignedJson.Verify(signed, new VerifierKeyRing([signer]), [signer.KeyId]);
        if (!verification.IsValid)
        {
            throw new SealException(SealFailure.BadSignature, $"The manifest's signature is not valid: {verification.Message}");
        }
        try
        {
            if ((string?)signed["type"] != Type)
            {
                throw new SealException(SealFailure.Malformed, $"The manifest type is not {Type}.");
            }
            var manifest = new SealManifest(
                (string)signed["plaintext"]!["sha256"]!,
                (long)signed["plaintext"]!["size"]!,
                (string)signed["ciphertext"]!["sha256"]!,
                (long)signed["ciphertext"]!["size"]!,
                (bool)signed["ciphertext"]!["armored"]!,
                signed["recipients"]!.AsArray().Select(r => (string)r!).ToList(),
                (string)signed["signer"]!,
                Timestamps.TryParse((string?)signed["sealedAt"], out var sealedAt) ? sealedAt : throw new FormatException("sealedAt is not a yyyy-MM-ddTHH:mm:ssZ timestamp"),
                signed["context"]!.AsObject().ToDictionary(p => p.Key, p => (string)p.Value!, StringComparer.Ordinal));
            if (manifest.Signer != signer.VerifierKey)
            {
                throw new SealException(SealFailure.BadSignature, "The manifest names another signer than the key that signed it.");
            }
            return manifest;
        }
        catch (Exception e) when (e is InvalidOperationException or NullReferenceException or FormatException or System.Text.Json.JsonException)
        {
            throw new SealException(SealFailure.Malformed, $"The manifest is malformed: {e.Message}", e);
        }
    }
}

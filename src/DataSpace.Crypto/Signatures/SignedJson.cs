using System.Text.Json;
using System.Text.Json.Nodes;
using DataSpace.Crypto.Json;

namespace DataSpace.Crypto.Signatures;

/// <summary>
/// Signed JSON objects: an object plus <c>"signatures": [{"kid", "alg": "Ed25519", "sig"}]</c>.
/// Each signer signs the RFC 8785 canonical bytes of the object without its <c>signatures</c>
/// member, so several parties sign the same content independently (a contract signed by both
/// sides) and the order in which they sign does not matter.
/// </summary>
public static class SignedJson
{
    /// <summary>The member that holds the signatures.</summary>
    public const string SignaturesMember = "signatures";

    /// <summary>The only algorithm name accepted.</summary>
    public const string Algorithm = "Ed25519";

    /// <summary>The bytes every signer signs: the canonical object without <c>signatures</c>.</summary>
    public static byte[] SigningInput(JsonObject document) => CanonicalJson.SerializeWithout(document, SignaturesMember);

    /// <summary>Returns a copy of <paramref name="document"/> with <paramref name="signer"/>'s signature added.</summary>
    /// <exception cref="InvalidOperationException">This key already signed the document.</exception>
    public static JsonObject Sign(JsonObject document, Ed25519Signer signer) => AddSignature((JsonObject)document.DeepClone(), signer);

    /// <summary>
    /// Adds <paramref name="signer"/>'s signature to <paramref name="document"/> itself and returns it:
    /// for a document built to be signed and sent, which a copy would only duplicate.
    /// </summary>
    /// <exception cref="InvalidOperationException">This key already signed the document.</exception>
    public static JsonObject AddSignature(JsonObject document, Ed25519Signer signer)
    {
        if (document[SignaturesMember] is JsonArray existing && existing.Any(s => (string?)s?["kid"] == signer.PublicKey.KeyId))
        {
            throw new InvalidOperationException($"{signer.PublicKey.KeyId} has already signed this document.");
        }
        var signature = signer.Sign(SigningInput(document));
        if (document[SignaturesMember] is not JsonArray signatures)
        {
            signatures = [];
            document[SignaturesMember] = signatures;
        }
        signatures.Add(new JsonObject
        {
            ["kid"] = signer.PublicKey.KeyId,
            ["alg"] = Algorithm,
            ["sig"] = Convert.ToBase64String(signature),
        });
        return document;
    }

    /// <summary>
    /// Signs <paramref name="canonicalContent"/>, the canonical bytes of a JSON object, and returns the
    /// signed object as UTF-8 JSON: the content with a <c>signatures</c> member put first. For
    /// messages written straight from a record's bytes, without a node tree; the reader
    /// canonicalises what it receives, so the message itself need not be canonical.
    /// </summary>
    /// <exception cref="ArgumentException">The content is not a JSON object's canonical bytes.</exception>
    public static byte[] SignContent(ReadOnlySpan<byte> canonicalContent, Ed25519Signer signer)
    {
        if (canonicalContent.Length < 2 || canonicalContent[0] != (byte)'{' || canonicalContent[^1] != (byte)'}')
        {
            throw new ArgumentException("The content must be the canonical bytes of a JSON object.", nameof(canonicalContent));
        }
        var signature = Convert.ToBase64String(signer.Sign(canonicalContent));
        var member = System.Text.Encoding.UTF8.GetBytes(
            $"{{\"{SignaturesMember}\":[{{\"alg\":\"{Algorithm}\",\"kid\":{JsonSerializer.Serialize(signer.PublicKey.KeyId)},\"sig\":\"{signature}\"}}]");
        var rest = canonicalContent[1..];
        return [.. member, .. rest.Length > 1 ? ","u8 : [], .. rest];
    }

    /// <summary>
    /// Verifies every signature on <paramref name="document"/> against keys from <paramref name="keys"/>.
    /// Fails closed: no signatures, an unknown key, another algorithm, bad base64 or any changed byte
    /// is a failure, and so is a missing <paramref name="requiredSigners"/> key id.
    /// </summary>
    public static SignatureVerification Verify(JsonObject document, IVerifierKeyResolver keys, IReadOnlyCollection<string>? requiredSigners = null) =>
        Verify(document, keys, requiredSigners, out _);

    /// <summary>
    /// <see cref="Verify(JsonObject, IVerifierKeyResolver, IReadOnlyCollection{string}?)"/>, giving also
    /// what was signed when the signatures are valid: the canonical bytes of the document without its
    /// signatures, to read the content from without walking the tree once more.
    /// </summary>
    public static SignatureVerification Verify(JsonObject document, IVerifierKeyResolver keys, IReadOnlyCollection<string>? requiredSigners, out byte[]? signedContent)
    {
        var signatures = document[SignaturesMember] is JsonArray array
            ? array.Select(ReadSignature).ToList()
            : null;
        return Check(signatures, () => SigningInput(document), keys, requiredSigners, out signedContent);
    }

    /// <summary>
    /// The same check on a parsed document (a message as received, e.g. from
    /// <see cref="SignContent"/>), canonicalised from the document itself: no node tree is built.
    /// </summary>
    public static SignatureVerification Verify(JsonElement document, IVerifierKeyResolver keys, IReadOnlyCollection<string>? requiredSigners, out byte[]? signedContent)
    {
        List<SignatureFields?>? signatures = null;
        if (document.ValueKind == JsonValueKind.Object && document.TryGetProperty(SignaturesMember, out var array) && array.ValueKind == JsonValueKind.Array)
        {
            signatures = [.. array.EnumerateArray().Select(ReadSignature)];
        }
        return Check(signatures, () => CanonicalJson.SerializeWithout(document, SignaturesMember), keys, requiredSigners, out signedContent);
    }

    /// <summary>The three members of one signature object; null when it is not exactly kid, alg and sig as strings.</summary>
    private sealed record SignatureFields(string Kid, string Alg, string Sig);

    private static SignatureFields? ReadSignature(JsonNode? entry) =>
        entry is JsonObject signature && signature.Count == 3
            && TryGetString(signature, "kid", out var kid) && TryGetString(signature, "alg", out var alg) && TryGetString(signature, "sig", out var sig)
            ? new SignatureFields(kid, alg, sig)
            : null;

    private static SignatureFields? ReadSignature(JsonElement entry)
    {
        if (entry.ValueKind != JsonValueKind.Object || entry.EnumerateObject().Count() != 3)
        {
            return null;
        }
        return TryGetString(entry, "kid", out var kid) && TryGetString(entry, "alg", out var alg) && TryGetString(entry, "sig", out var sig)
            ? new SignatureFields(kid, alg, sig)
            : null;
    }

    /// <summary>The checks both document forms share; <paramref name="signingInput"/> runs only when there are signatures to check.</summary>
    private static SignatureVerification Check(
        List<SignatureFields?>? signatures, Func<byte[]> signingInput, IVerifierKeyResolver keys, IReadOnlyCollection<string>? requiredSigners, out byte[]? signedContent)
    {
        signedContent = null;
        if (signatures is null)
        {
            return SignatureVerification.Fail(SignatureFailure.Unsigned, "The document has no \"signatures\" array.");
        }
        if (signatures.Count == 0)
        {
            return SignatureVerification.Fail(SignatureFailure.Unsigned, "The document's \"signatures\" array is empty.");
        }

        byte[] input;
        try
        {
            input = signingInput();
        }
        catch (CanonicalJsonException e)
        {
            return SignatureVerification.Fail(SignatureFailure.Malformed, $"The document cannot be canonicalised: {e.Message}");
        }

        var signers = new List<Ed25519PublicKey>();
        for (var i = 0; i < signatures.Count; i++)
        {
            var failure = VerifyOne(signatures[i], i, input, keys, signers);
            if (failure is not null)
            {
                return failure;
            }
        }

        foreach (var required in requiredSigners ?? [])
        {
            if (!signers.Any(s => s.KeyId == required || s.Name == required))
            {
                return SignatureVerification.Fail(SignatureFailure.MissingSigner, $"{required} has not signed the document.");
            }
        }
        signedContent = input;
        return new SignatureVerification(SignatureFailure.None, $"Signed by {string.Join(", ", signers.Select(s => s.KeyId))}.", signers);
    }

    private static SignatureVerification? VerifyOne(SignatureFields? signature, int index, byte[] input, IVerifierKeyResolver keys, List<Ed25519PublicKey> signers)
    {
        if (signature is not var (kid, alg, sig))
        {
            return SignatureVerification.Fail(SignatureFailure.Malformed, $"Signature {index} must be an object with exactly the string members kid, alg and sig.");
        }
        if (alg != Algorithm)
        {
            return SignatureVerification.Fail(SignatureFailure.UnsupportedAlgorithm, $"Signature {index} uses algorithm \"{alg}\"; only {Algorithm} is accepted.");
        }
        if (keys.Find(kid) is not { } key)
        {
            return SignatureVerification.Fail(SignatureFailure.UnknownKey, $"Signature {index} is by unknown key {kid}.");
        }
        if (signers.Contains(key))
        {
            return SignatureVerification.Fail(SignatureFailure.DuplicateSigner, $"Signature {index}: {kid} signed twice.");
        }
        if (!StrictBase64.TryDecode(sig, out var signatureBytes) || signatureBytes.Length != Ed25519Signer.SignatureSize)
        {
            return SignatureVerification.Fail(SignatureFailure.BadEncoding, $"Signature {index} by {kid} is not canonical base64 of {Ed25519Signer.SignatureSize} bytes.");
        }
        if (!key.Verify(input, signatureBytes))
        {
            return SignatureVerification.Fail(SignatureFailure.Invalid, $"Signature {index} by {kid} does not match the content.");
        }
        signers.Add(key);
        return null;
    }

    private static bool TryGetString(JsonObject obj, string name, out string value)
    {
        value = string.Empty;
        if (obj[name] is JsonValue v && v.TryGetValue<string>(out var s))
        {
            value = s;
            return true;
        }
        return false;
    }

    private static bool TryGetString(JsonElement obj, string name, out string value)
    {
        value = string.Empty;
        if (obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String)
        {
            value = v.GetString()!;
            return true;
        }
        return false;
    }
}

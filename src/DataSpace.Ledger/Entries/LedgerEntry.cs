using System.Text.Json;
using System.Text.Json.Nodes;
using DataSpace.Crypto.Json;
using DataSpace.Crypto.Signatures;

namespace DataSpace.Ledger.Entries;

/// <summary>
/// One ledger entry: the RFC 8785 canonical JSON object <c>{"body":{…},"signatures":[…],"type":"…"}</c>
/// signed by the parties that made it (signed JSON, each party signing the canonical object without
/// <c>signatures</c>), with signatures sorted by key id. The Merkle leaf is exactly <see cref="Bytes"/>.
/// </summary>
public sealed class LedgerEntry
{
    internal LedgerEntry(string type, JsonElement body, ReadOnlyMemory<byte> bytes, byte[] signingInput, IReadOnlyList<EntrySignature> signatures)
    {
        Type = type;
        Body = body;
        Bytes = bytes;
        SigningInput = signingInput;
        Signatures = signatures;
    }

    /// <summary>The entry type, e.g. <c>participant.registered</c>.</summary>
    public string Type { get; }

    /// <summary>The body object.</summary>
    public JsonElement Body { get; }

    /// <summary>The canonical bytes: the leaf appended to the log.</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>What every signer signed: the canonical <c>{"body":…,"type":…}</c>.</summary>
    public ReadOnlyMemory<byte> SigningInput { get; }

    /// <summary>The signatures, sorted by key id.</summary>
    public IReadOnlyList<EntrySignature> Signatures { get; }

    /// <summary>Decodes leaf bytes strictly; the verdict says why they are not an entry.</summary>
    public static EntryVerdict TryParse(ReadOnlyMemory<byte> bytes, out LedgerEntry? entry) => EntryParser.TryParse(bytes, out entry);

    /// <summary>Decodes leaf bytes strictly.</summary>
    /// <exception cref="FormatException">The bytes are not a canonical entry.</exception>
    public static LedgerEntry Parse(ReadOnlyMemory<byte> bytes)
    {
        var verdict = TryParse(bytes, out var entry);
        return verdict.IsAccepted ? entry! : throw new FormatException($"Not a ledger entry: {verdict.Reason}.");
    }

    /// <summary>Creates an entry of <paramref name="type"/> with <paramref name="body"/>, signed by every signer.</summary>
    /// <exception cref="ArgumentException">The type is not a valid type name, or there is no signer.</exception>
    public static LedgerEntry Create(string type, JsonObject body, IEnumerable<Ed25519Signer> signers)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(signers);
        if (!EntryTypeSyntax.IsValid(type))
        {
            throw new ArgumentException($"\"{type}\" is not an entry type (a-z, 0-9, '.', '-', '_', starting with a letter).", nameof(type));
        }
        var content = new JsonObject { ["body"] = body.DeepClone(), ["type"] = type };
        var input = CanonicalJson.Serialize(content);
        var signatures = signers.Select(s => new EntrySignature(s.PublicKey.KeyId, s.Sign(input))).ToList();
        if (signatures.Count == 0)
        {
            throw new ArgumentException("An entry needs at least one signer.", nameof(signers));
        }
        return Assemble(content, signatures);
    }

    /// <summary>This entry with one more signature (a countersignature), signatures kept sorted.</summary>
    /// <exception cref="InvalidOperationException">This key already signed the entry.</exception>
    public LedgerEntry Countersign(Ed25519Signer signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        if (Signatures.Any(s => s.KeyId == signer.PublicKey.KeyId))
        {
            throw new InvalidOperationException($"{signer.PublicKey.KeyId} has already signed this entry.");
        }
        var content = JsonNode.Parse(SigningInput.Span)!.AsObject();
        return Assemble(content, [.. Signatures, new EntrySignature(signer.PublicKey.KeyId, signer.Sign(SigningInput.Span))]);
    }

    /// <summary>
    /// True when <paramref name="key"/> signed this entry and its signature verifies: how a service
    /// checks a party's signed message before acting on it (the log checks again when it appends).
    /// </summary>
    public bool IsSignedBy(Ed25519PublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Signatures.FirstOrDefault(s => s.KeyId == key.KeyId) is { } signature && key.Verify(SigningInput.Span, signature.Signature);
    }

    /// <summary>
    /// Reads an entry sent as JSON in any formatting: re-encoded to its canonical form first, so a
    /// client need not send canonical bytes, then decoded strictly.
    /// </summary>
    public static EntryVerdict TryRead(JsonNode? json, out LedgerEntry? entry)
    {
        entry = null;
        if (json is not JsonObject)
        {
            return EntryVerdict.Refuse(EntryFault.Malformed, "an entry is a JSON object with type, body and signatures");
        }
        byte[] canonical;
        try
        {
            canonical = CanonicalJson.Serialize(json);
        }
        catch (CanonicalJsonException e)
        {
            return EntryVerdict.Refuse(EntryFault.Malformed, $"not I-JSON: {e.Message}");
        }
        return TryParse(canonical, out entry);
    }

    /// <summary>The entry as a JSON node, e.g. to print it.</summary>
    public JsonObject ToJson() => JsonNode.Parse(Bytes.Span)!.AsObject();

    private static LedgerEntry Assemble(JsonObject content, IEnumerable<EntrySignature> signatures)
    {
        var array = new JsonArray();
        foreach (var signature in signatures.OrderBy(s => s.KeyId, StringComparer.Ordinal))
        {
            array.Add(new JsonObject
            {
                ["alg"] = SignedJson.Algorithm,
                ["kid"] = signature.KeyId,
                ["sig"] = Convert.ToBase64String(signature.Signature),
            });
        }
        content[SignedJson.SignaturesMember] = array;
        return Parse(CanonicalJson.Serialize(content));
    }
}

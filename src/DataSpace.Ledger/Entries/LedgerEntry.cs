using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataSpace.Core.Json;
using DataSpace.Core.Results;
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
    private readonly VerifiedSigners _verified;

    // The whole entry parsed, when it was read from its bytes; a countersigned copy has none and parses when asked.
    private readonly JsonElement? _element;

    internal LedgerEntry(
        string type, JsonElement body, ReadOnlyMemory<byte> bytes, ReadOnlyMemory<byte> signingInput, IReadOnlyList<EntrySignature> signatures,
        VerifiedSigners? verified = null, JsonElement? element = null, RecordMemo? bodyRecord = null)
    {
        Type = type;
        Body = body;
        Bytes = bytes;
        SigningInput = signingInput;
        Signatures = signatures;
        _verified = verified ?? new VerifiedSigners();
        _element = element;
        BodyRecord = bodyRecord ?? new RecordMemo();
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
        ValidateType(type);
        return Sign(type, CanonicalJson.Serialize(new JsonObject { ["body"] = body.DeepClone(), ["type"] = type }), signers);
    }

    /// <summary>
    /// Creates an entry of <paramref name="type"/> whose body is <paramref name="record"/>, a domain
    /// record, signed by every signer: the record is serialised once and canonicalised from its text,
    /// with no node tree (the same bytes as <see cref="Create"/> with the record's node).
    /// </summary>
    /// <exception cref="ArgumentException">The type is not a valid type name, the record is not a JSON object, or there is no signer.</exception>
    public static LedgerEntry FromRecord<TRecord>(string type, TRecord record, IEnumerable<Ed25519Signer> signers)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(signers);
        ValidateType(type);
        var body = CanonicalJson.Canonicalize(DomainJson.ToCanonicalOrderUtf8(record));
        if (body[0] != (byte)'{')
        {
            throw new ArgumentException($"An entry's body must be a JSON object, not {typeof(TRecord).Name} as {(char)body[0]}….", nameof(record));
        }
        // {"body":…,"type":"…"} is already in canonical member order, and a valid type needs no escaping.
        return Sign(type, SpliceBytes.Join("{\"body\":"u8, body, EntryAssembly.TypeMember, Encoding.ASCII.GetBytes(type), "\"}"u8), signers);
    }

    private static void ValidateType(string type)
    {
        if (!EntryTypeSyntax.IsValid(type))
        {
            throw new ArgumentException($"\"{type}\" is not an entry type (a-z, 0-9, '.', '-', '_', starting with a letter).", nameof(type));
        }
    }

    /// <summary>
    /// Signs <paramref name="input"/>, the canonical <c>{"body":{…},"type":"…"}</c> of a valid type, by
    /// every signer. Everything in the entry was made here, so it is parsed once for its body and not
    /// checked again as bytes from outside are (<see cref="EntryParser"/>).
    /// </summary>
    private static LedgerEntry Sign(string type, byte[] input, IEnumerable<Ed25519Signer> signers)
    {
        var signing = signers.ToList();
        var signatures = EntryAssembly.Sorted(signing.Select(s => new EntrySignature(s.PublicKey.KeyId, s.Sign(input))));
        if (signatures.Length == 0)
        {
            throw new ArgumentException("An entry needs at least one signer.", nameof(signers));
        }
        if (signatures.Zip(signatures.Skip(1)).FirstOrDefault(p => p.First.KeyId == p.Second.KeyId) is ({ } twice, _))
        {
            throw new ArgumentException($"{twice.KeyId} is among the signers twice; an entry carries one signature per key.", nameof(signers));
        }
        var bytes = EntryAssembly.Bytes(input, signatures);
        var element = JsonElement.Parse(bytes);
        // Signatures made here, over this very input, need no check when the log appends the entry.
        var verified = new VerifiedSigners([.. signing.Select(s => s.PublicKey)]);
        return new LedgerEntry(type, element.GetProperty("body"), bytes, input, signatures, verified, element);
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
        // Same content, one more signature: the body and the signing input are reused as they are,
        // and so are the checks already made of the signatures carried over.
        var signatures = EntryAssembly.Sorted([.. Signatures, new EntrySignature(signer.PublicKey.KeyId, signer.Sign(SigningInput.Span))]);
        var verified = _verified.Copy();
        verified.Add(signer.PublicKey);
        return new LedgerEntry(Type, Body, EntryAssembly.Bytes(SigningInput.Span, signatures), SigningInput, signatures, verified, bodyRecord: BodyRecord);
    }

    /// <summary>
    /// True when <paramref name="key"/> signed this entry and its signature verifies: how a service
    /// checks a party's signed message before acting on it (the log checks again when it appends).
    /// </summary>
    /// <remarks>A signature is verified once per entry object; later checks of the same key (the log's at append) reuse the result.</remarks>
    public bool IsSignedBy(Ed25519PublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return SignatureBy(key.KeyId) is { } signature && Verifies(signature, key);
    }

    /// <summary>
    /// True when this entry carries <paramref name="signer"/>'s own signature: how a party recognises
    /// what it signed itself when it comes back. Ed25519 signing is deterministic, so the signature it
    /// makes now over the signing input is the one it made then; signing costs a third of verifying.
    /// </summary>
    public bool IsSignedBy(Ed25519Signer signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        if (SignatureBy(signer.PublicKey.KeyId) is not { } signature || !signature.Signature.AsSpan().SequenceEqual(signer.Sign(SigningInput.Span)))
        {
            return false;
        }
        _verified.Add(signer.PublicKey);
        return true;
    }

    /// <summary>
    /// Counts as verified here the signatures <paramref name="earlier"/> already verified, where it is
    /// the same content (same signing input) and this entry carries the very same signature bytes:
    /// e.g. the agreement the provider signed, after the consumer added its signature. The body read
    /// as a record (<see cref="ReadBody{T}"/>) is the same too.
    /// </summary>
    public void AdoptVerificationsOf(LedgerEntry earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        if (!earlier.SigningInput.Span.SequenceEqual(SigningInput.Span))
        {
            return;
        }
        BodyRecord.Adopt(earlier.BodyRecord);
        foreach (var theirs in earlier.Signatures)
        {
            if (SignatureBy(theirs.KeyId) is { } ours && ours.Signature.AsSpan().SequenceEqual(theirs.Signature)
                && earlier._verified.Find(theirs.KeyId) is { } key)
            {
                _verified.Add(key);
            }
        }
    }

    /// <summary>
    /// The body read strictly as the record <typeparamref name="T"/> (<see cref="DomainJson.Read{T}(JsonElement, string)"/>),
    /// read once per content: a countersigned copy, or an entry that adopted this one's verifications, reuses it.
    /// </summary>
    public Result<T> ReadBody<T>(string what)
        where T : class => BodyRecord.Read<T>(Body, what);

    /// <summary>The memo behind <see cref="ReadBody{T}"/>, for the projection's view of this entry.</summary>
    internal RecordMemo BodyRecord { get; }

    /// <summary>This entry's signature under <paramref name="keyId"/>, if it carries one.</summary>
    public EntrySignature? SignatureBy(string keyId) => Signatures.FirstOrDefault(s => s.KeyId == keyId);

    /// <summary>True when <paramref name="signature"/>, one of this entry's, verifies under <paramref name="key"/>.</summary>
    internal bool Verifies(EntrySignature signature, Ed25519PublicKey key)
    {
        // Key ids are unique within an entry, so a key verified once stands for its one signature.
        if (_verified.Contains(key))
        {
            return true;
        }
        if (!key.Verify(SigningInput.Span, signature.Signature))
        {
            return false;
        }
        _verified.Add(key);
        return true;
    }

    /// <summary>
    /// Reads an entry sent as JSON in any formatting: re-encoded to its canonical form first, so a
    /// client need not send canonical bytes, then decoded strictly.
    /// </summary>
    public static EntryVerdict TryRead(JsonNode? json, out LedgerEntry? entry) =>
        TryReadCanonical(json is JsonObject, () => CanonicalJson.Serialize(json), out entry);

    /// <summary>The same, from a parsed document (a request body), canonicalised from the document itself.</summary>
    public static EntryVerdict TryRead(JsonElement json, out LedgerEntry? entry)
    {
        // Canonical text (what services send) is read from the document as it is, not parsed a second time.
        // Only an object has text to look at: a missing value (default) has none.
        if (json.ValueKind == JsonValueKind.Object && JsonMarshal.GetRawUtf8Value(json) is var text && CanonicalJson.IsPlainlyCanonical(text))
        {
            return EntryParser.TryRead(text.ToArray(), json, out entry);
        }
        return TryReadCanonical(json.ValueKind == JsonValueKind.Object, () => CanonicalJson.Serialize(json), out entry);
    }

    private static EntryVerdict TryReadCanonical(bool isObject, Func<byte[]> canonicalise, out LedgerEntry? entry)
    {
        entry = null;
        if (!isObject)
        {
            return EntryVerdict.Refuse(EntryFault.Malformed, "an entry is a JSON object with type, body and signatures");
        }
        byte[] canonical;
        try
        {
            canonical = canonicalise();
        }
        catch (CanonicalJsonException e)
        {
            return EntryVerdict.Refuse(EntryFault.Malformed, $"not I-JSON: {e.Message}");
        }
        return EntryParser.TryParse(canonical, out entry, knownCanonical: true);
    }

    /// <summary>The entry as a parsed JSON document, to carry inside another message (written back out as these same bytes).</summary>
    public JsonElement ToElement() => _element ?? JsonElement.Parse(Bytes.Span);

    /// <summary>The entry as a JSON node, e.g. to print it.</summary>
    public JsonObject ToJson() => JsonNode.Parse(Bytes.Span)!.AsObject();
}

using System.Text.Json;
using DataSpace.Crypto.Json;
using DataSpace.Crypto.Signatures;

namespace DataSpace.Ledger.Entries;

/// <summary>
/// Strict decoding of an entry's leaf bytes (docs/formats.md, "Ledger entries"): the bytes must be
/// the RFC 8785 canonical form of <c>{"body":{…},"signatures":[…],"type":"…"}</c> with signatures
/// sorted by key id, so one entry has exactly one byte form and one leaf hash. The signing input
/// is the same object without <c>signatures</c> (as <see cref="SignedJson.SigningInput"/>), cut
/// from the canonical bytes rather than re-serialised.
/// </summary>
internal static class EntryParser
{
    private static readonly JsonDocumentOptions Strict = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 64,
        AllowDuplicateProperties = false,
    };

    /// <param name="bytes">The leaf bytes.</param>
    /// <param name="entry">The entry, when accepted.</param>
    /// <param name="knownCanonical">True when the caller produced the bytes with <see cref="CanonicalJson"/> itself, so the
    /// (costly) check that they are canonical would compare them with themselves; bytes from outside are always checked.</param>
    public static EntryVerdict TryParse(ReadOnlyMemory<byte> bytes, out LedgerEntry? entry, bool knownCanonical = false)
    {
        entry = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, Strict);
        }
        catch (JsonException e)
        {
            return EntryVerdict.Refuse(EntryFault.Malformed, $"not valid JSON: {e.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            try
            {
                if (root.ValueKind == JsonValueKind.Object && !knownCanonical && !CanonicalJson.Serialize(root).AsSpan().SequenceEqual(bytes.Span))
                {
                    return EntryVerdict.Refuse(EntryFault.NotCanonical, "the entry is not in RFC 8785 canonical form");
                }
            }
            catch (CanonicalJsonException e)
            {
                return EntryVerdict.Refuse(EntryFault.Malformed, $"not I-JSON: {e.Message}");
            }
            return TryRead(bytes, root, out entry);
        }
    }

    /// <summary>
    /// The entry in <paramref name="bytes"/>, canonical text, read from <paramref name="root"/>, a parse of
    /// exactly those bytes (e.g. a request body already parsed): the entry keeps its own copy of the parse.
    /// </summary>
    public static EntryVerdict TryRead(ReadOnlyMemory<byte> bytes, JsonElement root, out LedgerEntry? entry)
    {
        entry = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return EntryVerdict.Refuse(EntryFault.Malformed, "an entry is a JSON object");
        }
        if (ReadShape(root, out var type, out _, out var signatureArray) is { } shape)
        {
            return shape;
        }
        if (ReadSignatureFault(signatureArray) is { } fault)
        {
            return fault;
        }
        var element = root.Clone();
        entry = new LedgerEntry(type, element.GetProperty("body"), bytes, CutSigningInput(bytes.Span), Decode(signatureArray), element: element);
        return EntryVerdict.Accepted;
    }

    private static EntryVerdict? ReadShape(JsonElement root, out string type, out JsonElement body, out JsonElement signatures)
    {
        type = string.Empty;
        body = default;
        signatures = default;
        var count = 0;
        foreach (var member in root.EnumerateObject())
        {
            count++;
            switch (member.Name)
            {
                case "type": type = member.Value.ValueKind == JsonValueKind.String ? member.Value.GetString()! : string.Empty; break;
                case "body": body = member.Value; break;
                case SignedJson.SignaturesMember: signatures = member.Value; break;
                default: return EntryVerdict.Refuse(EntryFault.Malformed, $"unexpected member \"{member.Name}\"; an entry has only type, body and signatures");
            }
        }
        if (count != 3 || body.ValueKind != JsonValueKind.Object)
        {
            return EntryVerdict.Refuse(EntryFault.Malformed, "an entry has a string type, an object body and a signatures array");
        }
        if (!EntryTypeSyntax.IsValid(type))
        {
            return EntryVerdict.Refuse(EntryFault.Malformed, "the type must be 1-100 characters of a-z, 0-9, '.', '-' or '_', starting with a letter");
        }
        if (signatures.ValueKind != JsonValueKind.Array || signatures.GetArrayLength() == 0)
        {
            return EntryVerdict.Refuse(EntryFault.Malformed, "an entry carries a non-empty signatures array");
        }
        return null;
    }

    private static EntrySignature[] Decode(JsonElement array)
    {
        var result = new EntrySignature[array.GetArrayLength()];
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            StrictBase64.TryDecode(item.GetProperty("sig").GetString()!, out var sig);
            result[i++] = new EntrySignature(item.GetProperty("kid").GetString()!, sig);
        }
        return result;
    }

    private static EntryVerdict? ReadSignatureFault(JsonElement array)
    {
        string? previous = null;
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || item.EnumerateObject().Count() != 3
                || !item.TryGetString("kid", out var kid) || !item.TryGetString("alg", out var alg) || !item.TryGetString("sig", out var sig))
            {
                return EntryVerdict.Refuse(EntryFault.Malformed, $"signature {index} must be an object with exactly the string members alg, kid and sig");
            }
            if (alg != SignedJson.Algorithm)
            {
                return EntryVerdict.Refuse(EntryFault.BadSignatureEncoding, $"signature {index} uses algorithm \"{alg}\"; only Ed25519 is accepted");
            }
            if (!StrictBase64.TryDecode(sig, out var bytes) || bytes.Length != Ed25519Signer.SignatureSize)
            {
                return EntryVerdict.Refuse(EntryFault.BadSignatureEncoding, $"signature {index} by {kid} is not canonical base64 of 64 bytes");
            }
            if (previous is not null && string.CompareOrdinal(previous, kid) >= 0)
            {
                return EntryVerdict.Refuse(EntryFault.NotCanonical, $"signature {index}: signatures must be sorted by key id with no key twice");
            }
            previous = kid;
            index++;
        }
        return null;
    }

    /// <summary>
    /// Canonical members are sorted, so the bytes read <c>{"body":B,"signatures":S,"type":T}</c>;
    /// removing <c>,"signatures":S</c> leaves <c>{"body":B,"type":T}</c>, the canonical signing input.
    /// </summary>
    private static byte[] CutSigningInput(ReadOnlySpan<byte> bytes)
    {
        var reader = new Utf8JsonReader(bytes);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var start = (int)reader.TokenStartIndex;
            var isSignatures = reader.ValueTextEquals(SignaturesName);
            reader.Read();
            reader.Skip();
            if (isSignatures)
            {
                var end = (int)reader.BytesConsumed;
                return SpliceBytes.Join(bytes[..(start - 1)], bytes[end..]);
            }
        }
        throw new InvalidOperationException("A parsed entry always has a signatures member.");
    }

    private static ReadOnlySpan<byte> SignaturesName => "signatures"u8;
}

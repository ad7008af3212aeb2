using System.Text.Json;
using System.Text.Json.Nodes;
using DataSpace.Crypto.Json;
using DataSpace.Crypto.Signatures;

namespace DataSpace.Ledger.Entries;

/// <summary>
/// Builds an entry's canonical bytes from its canonical signing input and its signatures without
/// canonicalising the body again: canonical members are sorted, so <c>{"body":B,"type":T}</c>
/// becomes <c>{"body":B,"signatures":S,"type":T}</c> by inserting the (small) canonical
/// signatures array before <c>"type"</c>. The inverse of <see cref="EntryParser"/>'s cut.
/// </summary>
internal static class EntryAssembly
{
    private static ReadOnlySpan<byte> SignaturesName => ",\"signatures\":"u8;

    /// <summary>The canonical entry bytes: <paramref name="signingInput"/> with <paramref name="signatures"/> (sorted by key id) inserted.</summary>
    public static byte[] Bytes(ReadOnlySpan<byte> signingInput, IReadOnlyList<EntrySignature> signatures)
    {
        var array = new JsonArray();
        foreach (var signature in signatures)
        {
            array.Add(new JsonObject
            {
                ["alg"] = SignedJson.Algorithm,
                ["kid"] = signature.KeyId,
                ["sig"] = Convert.ToBase64String(signature.Signature),
            });
        }
        var canonicalSignatures = CanonicalJson.Serialize(array);
        // The comma before "type" ends the body's value.
        var cut = TypeMemberStart(signingInput) - 1;
        return SpliceBytes.Join(signingInput[..cut], SignaturesName, canonicalSignatures, signingInput[cut..]);
    }

    /// <summary>The signatures in entry order: sorted by key id (ordinal), as the format requires.</summary>
    public static EntrySignature[] Sorted(IEnumerable<EntrySignature> signatures) => [.. signatures.OrderBy(s => s.KeyId, StringComparer.Ordinal)];

    private static int TypeMemberStart(ReadOnlySpan<byte> signingInput)
    {
        var reader = new Utf8JsonReader(signingInput);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                return (int)reader.TokenStartIndex;
            }
            reader.Read();
            reader.Skip();
        }
        throw new InvalidOperationException("A signing input always has a type member after its body.");
    }
}

using System.Text;
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
    private static ReadOnlySpan<byte> TypeMember => ",\"type\":\""u8;

    /// <summary>The canonical entry bytes: <paramref name="signingInput"/> with <paramref name="signatures"/> (sorted by key id) inserted.</summary>
    public static byte[] Bytes(ReadOnlySpan<byte> signingInput, IReadOnlyList<EntrySignature> signatures)
    {
        // The comma before "type" ends the body's value.
        var cut = TypeMemberStart(signingInput);
        return SpliceBytes.Join(signingInput[..cut], SignaturesName, CanonicalSignatures(signatures), signingInput[cut..]);
    }

    /// <summary>The signatures in entry order: sorted by key id (ordinal), as the format requires.</summary>
    public static EntrySignature[] Sorted(IEnumerable<EntrySignature> signatures) => [.. signatures.OrderBy(s => s.KeyId, StringComparer.Ordinal)];

    /// <summary>
    /// <c>[{"alg":"Ed25519","kid":…,"sig":…},…]</c> in canonical form. The members are written in
    /// their canonical order and base64 needs no escaping, so only a key id with a character that
    /// RFC 8785 escapes (or that is not printable ASCII) goes through the canonical writer.
    /// </summary>
    private static byte[] CanonicalSignatures(IReadOnlyList<EntrySignature> signatures)
    {
        if (!signatures.All(s => IsPlainAscii(s.KeyId)))
        {
            var array = new JsonArray();
            foreach (var signature in signatures)
            {
                array.Add(new JsonObject { ["alg"] = SignedJson.Algorithm, ["kid"] = signature.KeyId, ["sig"] = Convert.ToBase64String(signature.Signature) });
            }
            return CanonicalJson.Serialize(array);
        }
        var text = new StringBuilder("[");
        foreach (var signature in signatures)
        {
            text.Append(text.Length > 1 ? ",{\"alg\":\"" : "{\"alg\":\"").Append(SignedJson.Algorithm)
                .Append("\",\"kid\":\"").Append(signature.KeyId)
                .Append("\",\"sig\":\"").Append(Convert.ToBase64String(signature.Signature)).Append("\"}");
        }
        return Encoding.ASCII.GetBytes(text.Append(']').ToString());
    }

    private static bool IsPlainAscii(string text) => text.All(c => c is >= ' ' and <= '~' and not '"' and not '\\');

    /// <summary>
    /// Where <c>,"type":"</c> starts: the signing input is canonical <c>{"body":B,"type":T}</c> with T a
    /// valid type (no escapes), so its last such sequence is the top-level one: none can follow it.
    /// </summary>
    private static int TypeMemberStart(ReadOnlySpan<byte> signingInput)
    {
        var at = signingInput.LastIndexOf(TypeMember);
        return at > 0 ? at : throw new InvalidOperationException("A signing input always has a type member after its body.");
    }
}

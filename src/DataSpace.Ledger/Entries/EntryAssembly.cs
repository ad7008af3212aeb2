using System.Buffers;
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
    /// <summary>What comes between an entry's body and its type in <c>{"body":B,"type":T}</c>.</summary>
    internal static ReadOnlySpan<byte> TypeMember => ",\"type\":\""u8;

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
    /// <c>[{"alg":"Ed25519","kid":…,"sig":…},…]</c> in canonical form: the members in their canonical
    /// order, base64 needing no escape, and only the key id written by the canonical writer (a key
    /// name may hold characters RFC 8785 escapes).
    /// </summary>
    private static byte[] CanonicalSignatures(IReadOnlyList<EntrySignature> signatures)
    {
        var text = new ArrayBufferWriter<byte>(160 * signatures.Count);
        text.Write("["u8);
        for (var i = 0; i < signatures.Count; i++)
        {
            text.Write(i == 0 ? "{\"alg\":\""u8 : ",{\"alg\":\""u8);
            text.Write(Encoding.ASCII.GetBytes(SignedJson.Algorithm));
            text.Write("\",\"kid\":"u8);
            text.Write(CanonicalJson.Serialize(JsonValue.Create(signatures[i].KeyId)));
            text.Write(",\"sig\":\""u8);
            text.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(signatures[i].Signature)));
            text.Write("\"}"u8);
        }
        text.Write("]"u8);
        return text.WrittenSpan.ToArray();
    }

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

using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataSpace.Crypto.Json;

/// <summary>
/// A JSON value made canonical (RFC 8785) once and kept as those bytes and as a read-only element:
/// a value a service compares against what others send back many times, or forwards in messages it
/// signs, is not walked and sorted again each time.
/// </summary>
public sealed class CanonicalValue
{
    private CanonicalValue(byte[] bytes)
    {
        Bytes = bytes;
        Element = JsonElement.Parse(bytes);
    }

    /// <summary>The canonical bytes.</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>The same value, parsed from <see cref="Bytes"/>.</summary>
    public JsonElement Element { get; }

    /// <exception cref="CanonicalJsonException">The value is not I-JSON.</exception>
    public static CanonicalValue Of(JsonNode? value) => new(CanonicalJson.Serialize(value));

    /// <summary>
    /// Whether <paramref name="other"/> is the same JSON value. A value sent back as it was received
    /// is still canonical text, so its raw bytes are compared first; only text written differently
    /// (other member order, escapes, number forms) is canonicalised to decide; a value that is not
    /// I-JSON has no canonical form and is never the same.
    /// </summary>
    public bool SameAs(JsonElement other)
    {
        if (other.ValueKind == JsonValueKind.Undefined)
        {
            return false;
        }
        if (JsonMarshal.GetRawUtf8Value(other).SequenceEqual(Bytes.Span))
        {
            return true;
        }
        try
        {
            return CanonicalJson.Serialize(other).AsSpan().SequenceEqual(Bytes.Span);
        }
        catch (CanonicalJsonException)
        {
            return false;
        }
    }
}

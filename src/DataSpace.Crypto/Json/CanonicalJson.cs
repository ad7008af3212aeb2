using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataSpace.Crypto.Json;

/// <summary>
/// RFC 8785 JSON Canonicalization Scheme: the one byte form of a JSON value that signatures and
/// hashes are computed over. Members sorted by UTF-16 code units (§3.2.3), numbers in ECMAScript
/// form (§3.2.2.3), strings with the minimal JSON.stringify escapes (§3.2.2.2), no whitespace.
/// </summary>
public static partial class CanonicalJson
{
    private static readonly JsonDocumentOptions StrictParsing = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 128,
    };

    /// <summary>Parses UTF-8 JSON text strictly and returns its canonical bytes.</summary>
    /// <exception cref="CanonicalJsonException">The text is not valid I-JSON.</exception>
    public static byte[] Canonicalize(ReadOnlySpan<byte> utf8Json)
    {
        if (IsPlainlyCanonical(utf8Json))
        {
            return utf8Json.ToArray();
        }
        // The document lives only for this call, so its text can sit in a pooled copy.
        var text = ArrayPool<byte>.Shared.Rent(utf8Json.Length);
        try
        {
            utf8Json.CopyTo(text);
            JsonDocument document;
            try
            {
                // JsonDocument rejects comments, trailing commas and anything after the value.
                document = JsonDocument.Parse(text.AsMemory(0, utf8Json.Length), StrictParsing);
            }
            catch (JsonException e)
            {
                throw new CanonicalJsonException($"Not valid JSON: {e.Message}", e);
            }
            using (document)
            {
                return Serialize(document.RootElement);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(text);
        }
    }

    /// <summary>Returns the canonical bytes of a parsed JSON value.</summary>
    /// <exception cref="CanonicalJsonException">The value is not I-JSON.</exception>
    public static byte[] Serialize(JsonElement value)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        if (IsPlainlyCanonical(raw))
        {
            return raw.ToArray();
        }
        var buffer = RentBuffer();
        Write(value, buffer);
        return ToArrayAndReturn(buffer);
    }

    /// <summary>Returns the canonical bytes of a JSON node tree (null means JSON <c>null</c>).</summary>
    /// <exception cref="CanonicalJsonException">The value is not I-JSON.</exception>
    public static byte[] Serialize(JsonNode? value)
    {
        var buffer = RentBuffer();
        new CanonicalWriter(buffer).WriteNode(value, depth: 0, omitMember: null);
        return ToArrayAndReturn(buffer);
    }

    /// <summary>
    /// The canonical bytes of <paramref name="value"/> without its member <paramref name="omitMember"/>
    /// (a signed document without its signatures), written from the tree as it is: nothing is copied.
    /// </summary>
    /// <exception cref="CanonicalJsonException">The value is not I-JSON.</exception>
    public static byte[] SerializeWithout(JsonObject value, string omitMember)
    {
        var buffer = RentBuffer();
        new CanonicalWriter(buffer).WriteNode(value, depth: 0, omitMember);
        return ToArrayAndReturn(buffer);
    }

    /// <summary>
    /// The canonical bytes of the object <paramref name="value"/> without its member
    /// <paramref name="omitMember"/> (a signed message without its signatures), from the parsed
    /// document as it is.
    /// </summary>
    /// <exception cref="CanonicalJsonException">The value is not I-JSON.</exception>
    public static byte[] SerializeWithout(JsonElement value, string omitMember)
    {
        if (TryCutMember(value, omitMember) is { } rest && IsPlainlyCanonical(rest))
        {
            return rest;
        }
        var buffer = RentBuffer();
        new CanonicalWriter(buffer).WriteValue(value, depth: 0, omitMember);
        return ToArrayAndReturn(buffer);
    }

    /// <summary>
    /// The object's text as received without its one member <paramref name="name"/> and that member's
    /// comma (a message as <c>SignedJson.SignContent</c> writes it: the signatures, then the canonical
    /// content); null when the value is not an object or holds the name twice. Whatever else the text
    /// holds (whitespace, another order) stays, for the caller's check to see.
    /// </summary>
    private static byte[]? TryCutMember(JsonElement value, string name)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var raw = JsonMarshal.GetRawUtf8Value(value);
        (int Start, int End)? member = null;
        foreach (var property in value.EnumerateObject())
        {
            if (!property.NameEquals(name))
            {
                continue;
            }
            if (member is not null)
            {
                return null;
            }
            // Offsets in the object's text: from the name's opening quote to the end of its value.
            raw.Overlaps(JsonMarshal.GetRawUtf8PropertyName(property), out var nameOffset);
            var valueText = JsonMarshal.GetRawUtf8Value(property.Value);
            raw.Overlaps(valueText, out var valueOffset);
            member = (nameOffset - 1, valueOffset + valueText.Length);
        }
        if (member is not var (start, end))
        {
            return raw.ToArray();
        }
        // Take one comma with the member: the one after it, or else the one before it (the last member).
        if (raw[end] == (byte)',')
        {
            end++;
        }
        else if (raw[start - 1] == (byte)',')
        {
            start--;
        }
        return [.. raw[..start], .. raw[end..]];
    }

    // One scratch buffer per thread: every signature and digest canonicalises a document of a few
    // KiB, and growing a fresh buffer to that size each time allocated (and cleared) several times over.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_spareBuffer;

    private const int SpareBufferLimit = 64 * 1024;

    private static ArrayBufferWriter<byte> RentBuffer()
    {
        var buffer = t_spareBuffer ?? new ArrayBufferWriter<byte>(4096);
        t_spareBuffer = null; // a nested call (none today) would get its own
        return buffer;
    }

    private static byte[] ToArrayAndReturn(ArrayBufferWriter<byte> buffer)
    {
        var bytes = buffer.WrittenSpan.ToArray();
        if (buffer.Capacity <= SpareBufferLimit)
        {
            buffer.ResetWrittenCount();
            t_spareBuffer = buffer;
        }
        return bytes;
    }

    /// <summary>Writes the canonical form of <paramref name="value"/> to <paramref name="output"/>.</summary>
    /// <exception cref="CanonicalJsonException">The value is not I-JSON.</exception>
    public static void Write(JsonElement value, IBufferWriter<byte> output)
    {
        var writer = new CanonicalWriter(output);
        writer.WriteValue(value, depth: 0);
    }
}

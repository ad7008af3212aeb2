using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace DataSpace.Crypto.Json;

/// <summary>The walk that writes the canonical form: over a parsed document, or over a node tree.</summary>
public static partial class CanonicalJson
{
    /// <summary>The longest §3.2.2.3 number, e.g. -2.2250738585072014e-308, with room to spare.</summary>
    private const int MaxNumberLength = 32;

    /// <summary>
    /// Writes the §3.2.2.3 form of a finite number to <paramref name="destination"/> (at least
    /// <see cref="MaxNumberLength"/> bytes) and returns its length. Integers below 10^15 (ids, sizes,
    /// counts: most numbers here) take a direct path.
    /// </summary>
    private static int FormatNumber(double number, Span<byte> destination)
    {
        if (Math.Abs(number) < 1e15 && number == Math.Truncate(number))
        {
            ((long)number).TryFormat(destination, out var written, default, System.Globalization.CultureInfo.InvariantCulture);
            return written;
        }
        return Encoding.ASCII.GetBytes(Es6NumberFormatter.Format(number), destination);
    }

    /// <summary>Walks a value and emits it; one instance per call, not shared.</summary>
    private readonly struct CanonicalWriter(IBufferWriter<byte> output)
    {
        private const int MaxDepth = 128;
        private static readonly System.Buffers.SearchValues<char> MustEscape = System.Buffers.SearchValues.Create(
            "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f");

        public void WriteValue(JsonElement value, int depth, string? omitMember = null)
        {
            if (depth > MaxDepth)
            {
                throw new CanonicalJsonException($"JSON nested deeper than {MaxDepth} levels.");
            }
            switch (value.ValueKind)
            {
                case JsonValueKind.Object:
                    WriteObject(value, depth, omitMember);
                    break;
                case JsonValueKind.Array:
                    WriteRaw("["u8);
                    var first = true;
                    foreach (var item in value.EnumerateArray())
                    {
                        if (!first)
                        {
                            WriteRaw(","u8);
                        }
                        first = false;
                        WriteValue(item, depth + 1);
                    }
                    WriteRaw("]"u8);
                    break;
                case JsonValueKind.String:
                    if (!TryWriteAsParsed(JsonMarshal.GetRawUtf8Value(value)))
                    {
                        WriteString(ReadString(value));
                    }
                    break;
                case JsonValueKind.Number:
                    if (!value.TryGetDouble(out var number) || !double.IsFinite(number))
                    {
                        throw new CanonicalJsonException($"Number {value.GetRawText()} is outside the IEEE 754 binary64 range (RFC 8785 §3.2.2.3).");
                    }
                    WriteNumber(number);
                    break;
                case JsonValueKind.True or JsonValueKind.False:
                    WriteBoolean(value.ValueKind == JsonValueKind.True);
                    break;
                case JsonValueKind.Null:
                    WriteRaw("null"u8);
                    break;
                default:
                    throw new CanonicalJsonException($"Unexpected JSON value kind {value.ValueKind}.");
            }
        }

        /// <summary>
        /// A node tree, walked directly: objects, arrays, strings and booleans as they are; values parsed
        /// from JSON through their element; any other value (a number of some .NET type, a
        /// <c>DateTimeOffset</c>) as System.Text.Json writes it. The same bytes as serialising the tree and
        /// canonicalising the text, without the text.
        /// </summary>
        public void WriteNode(JsonNode? node, int depth, string? omitMember)
        {
            if (depth > MaxDepth)
            {
                throw new CanonicalJsonException($"JSON nested deeper than {MaxDepth} levels.");
            }
            switch (node)
            {
                case null:
                    WriteRaw("null"u8);
                    break;
                case JsonObject obj:
                    WriteObject(obj, depth, omitMember);
                    break;
                case JsonArray array:
                    WriteRaw("["u8);
                    for (var i = 0; i < array.Count; i++)
                    {
                        if (i > 0)
                        {
                            WriteRaw(","u8);
                        }
                        WriteNode(array[i], depth + 1, omitMember: null);
                    }
                    WriteRaw("]"u8);
                    break;
                default:
                    WriteNodeValue((JsonValue)node, depth);
                    break;
            }
        }

        private void WriteNodeValue(JsonValue value, int depth)
        {
            // Strings and booleans first, by kind: a value parsed from text builds a whole
            // JsonDocument when asked for a JsonElement, and strings are most of a signed document.
            switch (value.GetValueKind())
            {
                case JsonValueKind.String when value.TryGetValue<string>(out var text):
                    WriteString(CheckScalarValues(text));
                    return;
                case JsonValueKind.True or JsonValueKind.False when value.TryGetValue<bool>(out var flag):
                    WriteBoolean(flag);
                    return;
            }
            if (value.TryGetValue<JsonElement>(out var element))
            {
                WriteValue(element, depth);
                return;
            }
            WriteValue(SerializeToElement(value), depth);
        }

        private static JsonElement SerializeToElement(JsonValue value)
        {
            try
            {
                return JsonSerializer.SerializeToElement(value, JsonContext.Default.JsonNode);
            }
            catch (ArgumentException e)
            {
                throw new CanonicalJsonException($"A value cannot be written as JSON: {e.Message}", e);
            }
        }

        private void WriteObject(JsonObject value, int depth, string? omitMember)
        {
            var members = new List<(string Name, JsonNode? Value)>(value.Count);
            foreach (var (name, member) in value)
            {
                if (name != omitMember)
                {
                    members.Add((CheckScalarValues(name), member));
                }
            }
            // §3.2.3, as for parsed objects; a JsonObject cannot hold a name twice.
            members.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));

            WriteRaw("{"u8);
            for (var i = 0; i < members.Count; i++)
            {
                if (i > 0)
                {
                    WriteRaw(","u8);
                }
                WriteString(members[i].Name);
                WriteRaw(":"u8);
                WriteNode(members[i].Value, depth + 1, omitMember: null);
            }
            WriteRaw("}"u8);
        }

        private void WriteObject(JsonElement value, int depth, string? omitMember)
        {
            // Members are held in a pooled array and sorted by their parsed names, so an object
            // costs no list and no name strings (a fifth of the broker's allocations before).
            var members = ArrayPool<JsonProperty>.Shared.Rent(Math.Max(1, value.GetPropertyCount()));
            var count = 0;
            try
            {
                var omitted = 0;
                foreach (var property in value.EnumerateObject())
                {
                    if (omitMember is not null && property.NameEquals(omitMember))
                    {
                        // Left out, but still only once: two would be two documents under one signature.
                        if (++omitted > 1)
                        {
                            throw new CanonicalJsonException($"Duplicate member name \"{omitMember}\" (I-JSON, RFC 7493 §2.3).");
                        }
                        continue;
                    }
                    if (!MemberOrder.IsPlainAscii(JsonMarshal.GetRawUtf8PropertyName(property)))
                    {
                        ReadName(property); // rejects a lone surrogate here: the sort below must not throw
                    }
                    members[count++] = property;
                }
                // §3.2.3: sort by the UTF-16 code units of the names.
                members.AsSpan(0, count).Sort(MemberOrder.Comparison);

                WriteRaw("{"u8);
                for (var i = 0; i < count; i++)
                {
                    if (i > 0)
                    {
                        if (MemberOrder.Instance.Compare(members[i - 1], members[i]) == 0)
                        {
                            throw new CanonicalJsonException($"Duplicate member name \"{members[i].Name}\" (I-JSON, RFC 7493 §2.3).");
                        }
                        WriteRaw(","u8);
                    }
                    if (!TryWriteAsParsed(JsonMarshal.GetRawUtf8PropertyName(members[i]), quote: true))
                    {
                        WriteString(ReadName(members[i]));
                    }
                    WriteRaw(":"u8);
                    WriteValue(members[i].Value, depth + 1);
                }
                WriteRaw("}"u8);
            }
            finally
            {
                // The members point into their document: the pool must not keep it alive.
                Array.Clear(members, 0, count);
                ArrayPool<JsonProperty>.Shared.Return(members);
            }
        }

        /// <summary>
        /// Writes a string or name as the parser saw it (<paramref name="quote"/>: add the quotes a
        /// name's raw bytes lack), when that already is its canonical form: no escape in it, and
        /// valid UTF-8. A valid JSON string holds no raw quote or control character, so only an
        /// escape can differ from §3.2.2.2's output; false leaves the work to the decoding path.
        /// </summary>
        private bool TryWriteAsParsed(ReadOnlySpan<byte> raw, bool quote = false)
        {
            var text = quote ? raw : raw[1..^1];
            if (text.Contains((byte)'\\') || !Utf8.IsValid(text))
            {
                return false;
            }
            if (!quote)
            {
                WriteRaw(raw);
                return true;
            }
            var span = output.GetSpan(raw.Length + 2);
            span[0] = (byte)'"';
            raw.CopyTo(span[1..]);
            span[raw.Length + 1] = (byte)'"';
            output.Advance(raw.Length + 2);
            return true;
        }

        /// <summary>
        /// §3.2.3 order of parsed members. Names that are plain ASCII as parsed (nearly all) compare
        /// by their bytes, which for ASCII is the UTF-16 order; any other pair by its decoded names.
        /// </summary>
        private sealed class MemberOrder : IComparer<JsonProperty>
        {
            public static readonly MemberOrder Instance = new();

            // Sorting through a comparer wraps it in a new delegate on every call; this one is made once.
            public static readonly Comparison<JsonProperty> Comparison = Instance.Compare;

            public static bool IsPlainAscii(ReadOnlySpan<byte> name) => Ascii.IsValid(name) && !name.Contains((byte)'\\');

            public int Compare(JsonProperty x, JsonProperty y)
            {
                var left = JsonMarshal.GetRawUtf8PropertyName(x);
                var right = JsonMarshal.GetRawUtf8PropertyName(y);
                return IsPlainAscii(left) && IsPlainAscii(right)
                    ? left.SequenceCompareTo(right)
                    : string.CompareOrdinal(x.Name, y.Name);
            }
        }

        private static string ReadName(JsonProperty property)
        {
            try
            {
                return CheckScalarValues(property.Name);
            }
            catch (InvalidOperationException e)
            {
                throw new CanonicalJsonException("A member name is not valid UTF-16 (lone surrogate).", e);
            }
        }

        private static string ReadString(JsonElement value)
        {
            try
            {
                return CheckScalarValues(value.GetString()!);
            }
            catch (InvalidOperationException e)
            {
                throw new CanonicalJsonException("A string is not valid UTF-16 (lone surrogate).", e);
            }
        }

        /// <summary>I-JSON (RFC 7493 §2.1) forbids lone surrogates; they have no UTF-8 form.</summary>
        private static string CheckScalarValues(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(text[i]))
                {
                    throw new CanonicalJsonException($"A string holds a lone surrogate U+{(int)text[i]:X4} (I-JSON, RFC 7493 §2.1).");
                }
            }
            return text;
        }

        private void WriteNumber(double number)
        {
            var span = output.GetSpan(MaxNumberLength);
            output.Advance(FormatNumber(number, span));
        }

        /// <summary>§3.2.2.2: escape only '"', '\\' and controls; short forms where JSON.stringify uses them.</summary>
        private void WriteString(string text)
        {
            if (text.AsSpan().IndexOfAny(MustEscape) < 0)
            {
                // Most strings need no escape: copy their UTF-8 straight between the quotes.
                var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length) + 2);
                span[0] = (byte)'"';
                var length = Encoding.UTF8.GetBytes(text, span[1..]);
                span[length + 1] = (byte)'"';
                output.Advance(length + 2);
                return;
            }

            var builder = new StringBuilder(text.Length + 2);
            builder.Append('"');
            foreach (var c in text)
            {
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    case '\b': builder.Append("\\b"); break;
                    case '\f': builder.Append("\\f"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    case < ' ': builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)); break;
                    default: builder.Append(c); break;
                }
            }
            builder.Append('"');
            var encoded = Encoding.UTF8.GetBytes(builder.ToString());
            WriteRaw(encoded);
        }

        private void WriteBoolean(bool value) => WriteRaw(value ? "true"u8 : "false"u8);

        private void WriteRaw(ReadOnlySpan<byte> bytes)
        {
            var span = output.GetSpan(bytes.Length);
            bytes.CopyTo(span);
            output.Advance(bytes.Length);
        }
    }
}

using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace DataSpace.Crypto.Json;

/// <summary>Recognising text that already is canonical, so that it is returned as it is instead of rewritten.</summary>
public static partial class CanonicalJson
{
    // Deeper text is left to the writer, which gives the definitive answer (and the error past 128 levels).
    private const int PlainCheckDepth = 64;

    private static readonly JsonReaderOptions PlainCheckReading = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = PlainCheckDepth + 1,
    };

    /// <summary>
    /// One forward pass over the text with a reader, writing nothing: true when the text is canonical
    /// and uses no escape and no non-ASCII member name — what this space's own serializers write (see
    /// <c>DomainJson.CanonicalOrderOptions</c>), and nearly every message and entry it receives. It is
    /// much cheaper than parsing into a document and writing the canonical form, which is what a false
    /// answer leaves to the caller, also for canonical text this pass does not try to recognise.
    /// </summary>
    public static bool IsPlainlyCanonical(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, PlainCheckReading);
        // The previous member name of each open object, as (start, length) in the text; -1: none yet.
        Span<int> previousNameStart = stackalloc int[PlainCheckDepth + 2];
        Span<int> previousNameLength = stackalloc int[PlainCheckDepth + 2];
        Span<byte> number = stackalloc byte[MaxNumberLength];
        long end = 0;
        try
        {
            while (reader.Read())
            {
                // §3.2.1: no whitespace. The reader checks the grammar, so a one-byte gap is the ',' or ':'.
                var gap = reader.TokenStartIndex - end;
                if (gap > 1 || gap == 1 && utf8Json[(int)end] is not ((byte)',' or (byte)':'))
                {
                    return false;
                }
                end = reader.BytesConsumed;
                if (reader.CurrentDepth >= PlainCheckDepth)
                {
                    return false;
                }
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        previousNameStart[reader.CurrentDepth + 1] = -1;
                        break;
                    case JsonTokenType.PropertyName:
                        var name = reader.ValueSpan;
                        if (reader.ValueIsEscaped || !Ascii.IsValid(name))
                        {
                            return false;
                        }
                        // §3.2.3: ASCII names in byte order are in UTF-16 order; strictly ascending also means no duplicate.
                        var depth = reader.CurrentDepth;
                        var start = (int)reader.TokenStartIndex + 1;
                        if (previousNameStart[depth] >= 0
                            && utf8Json.Slice(previousNameStart[depth], previousNameLength[depth]).SequenceCompareTo(name) >= 0)
                        {
                            return false;
                        }
                        previousNameStart[depth] = start;
                        previousNameLength[depth] = name.Length;
                        break;
                    case JsonTokenType.String:
                        // §3.2.2.2: an unescaped string is canonical when it is valid UTF-8 (no lone surrogate can be).
                        if (reader.ValueIsEscaped || !Utf8.IsValid(reader.ValueSpan))
                        {
                            return false;
                        }
                        break;
                    case JsonTokenType.Number:
                        var text = reader.ValueSpan;
                        var canonicalNumber = IsShortInteger(text)
                            || reader.TryGetDouble(out var value) && double.IsFinite(value) && number[..FormatNumber(value, number)].SequenceEqual(text);
                        if (!canonicalNumber)
                        {
                            return false;
                        }
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }
        return end == utf8Json.Length;
    }

    /// <summary>
    /// Digits only, at most 15 of them (ids, sizes, counts): canonical as they are, since JSON allows no
    /// leading zero and §3.2.2.3 writes integers below 10^21 in full. A minus sign ("-0") is not a digit.
    /// </summary>
    private static bool IsShortInteger(ReadOnlySpan<byte> text) =>
        text.Length <= 15 && !text.ContainsAnyExceptInRange((byte)'0', (byte)'9');
}

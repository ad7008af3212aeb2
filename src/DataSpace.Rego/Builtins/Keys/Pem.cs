namespace DataSpace.Rego.Builtins.Keys;

/// <summary>
/// PEM decoding with Go's <c>encoding/pem</c> semantics, because OPA's error messages depend on
/// them: a block is found anywhere in the text, header lines (<c>Key: value</c>) are skipped, and
/// whatever follows the END line is returned as <see cref="PemBlock.Rest"/>.
/// </summary>
internal static class Pem
{
    private const string Begin = "-----BEGIN ";
    private const string Dashes = "-----";

    /// <summary>The first well-formed block, or null when there is none (RFC 7468).</summary>
    public static PemBlock? Decode(string text)
    {
        var from = 0;
        while (true)
        {
            var start = text.IndexOf(Begin, from, StringComparison.Ordinal);
            if (start < 0)
            {
                return null;
            }
            from = start + Begin.Length;
            if (start > 0 && text[start - 1] != '\n')
            {
                continue;
            }
            var lineEnd = LineEnd(text, from);
            var typeLine = text[from..lineEnd].TrimEnd('\r', ' ', '\t');
            if (!typeLine.EndsWith(Dashes, StringComparison.Ordinal))
            {
                continue;
            }
            var type = typeLine[..^Dashes.Length];
            var end = "-----END " + type + Dashes;
            var bodyStart = Math.Min(lineEnd + 1, text.Length);
            var endAt = text.IndexOf(end, bodyStart, StringComparison.Ordinal);
            if (endAt < 0 || (endAt > bodyStart && text[endAt - 1] != '\n'))
            {
                continue;
            }
            if (TryBody(text[bodyStart..endAt], out var bytes))
            {
                var afterEnd = LineEnd(text, endAt + end.Length);
                var rest = afterEnd < text.Length ? text[(afterEnd + 1)..] : "";
                return new PemBlock(type, bytes, rest);
            }
        }
    }

    private static int LineEnd(string text, int from)
    {
        var i = text.IndexOf('\n', from);
        return i < 0 ? text.Length : i;
    }

    private static bool TryBody(string body, out byte[] bytes)
    {
        // Header lines ("Proc-Type: 4,ENCRYPTED") precede a blank line; the base64 follows.
        var lines = body.Split('\n').Select(l => l.Trim()).ToList();
        if (lines.Any(l => l.Contains(':', StringComparison.Ordinal)))
        {
            var blank = lines.FindIndex(l => l.Length == 0);
            lines = blank < 0 ? lines : lines[(blank + 1)..];
        }
        try
        {
            bytes = Convert.FromBase64String(string.Concat(lines));
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}

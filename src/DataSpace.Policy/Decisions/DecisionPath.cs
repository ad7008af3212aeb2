using System.Text;

namespace DataSpace.Policy;

/// <summary>
/// A decision path split into segments: <c>dataspace/transfer/decision</c>, <c>/dataspace/transfer/decision</c>,
/// <c>data.dataspace.transfer.decision</c> and <c>dataspace.transfer.decision</c> are the same path.
/// The empty path is the whole <c>data</c> document.
/// </summary>
internal sealed class DecisionPath
{
    // Rego keywords cannot follow a dot in a reference, so those segments are written as ["…"].
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "as", "contains", "default", "else", "every", "false", "if", "import", "in", "not", "null", "package", "some", "true", "with",
    };

    private DecisionPath(IReadOnlyList<string> segments)
    {
        Segments = segments;
        Text = string.Join('/', segments);
        Query = ToQuery(segments);
    }

    public IReadOnlyList<string> Segments { get; }

    /// <summary>The <c>/</c>-separated form used in decisions and URLs.</summary>
    public string Text { get; }

    /// <summary>The Rego reference, e.g. <c>data.dataspace.transfer.decision</c>.</summary>
    public string Query { get; }

    /// <exception cref="ArgumentException">An empty segment (<c>a//b</c>, <c>a..b</c>).</exception>
    public static DecisionPath Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var text = path.Trim();
        if (text == "data")
        {
            text = string.Empty;
        }
        else if (text.StartsWith("data.", StringComparison.Ordinal))
        {
            text = text["data.".Length..];
        }
        text = text.Trim('/');
        if (text.Length == 0)
        {
            return new DecisionPath([]);
        }
        var segments = text.Split(text.Contains('/') ? '/' : '.');
        if (segments.Any(s => s.Length == 0))
        {
            throw new ArgumentException($"'{path}' is not a decision path: it has an empty segment.", nameof(path));
        }
        return new DecisionPath(segments);
    }

    /// <summary>Segments of a URL path as OPA's REST API takes them (already unescaped), e.g. from <c>/v1/data/a/b</c>.</summary>
    public static DecisionPath FromSegments(IReadOnlyList<string> segments) => new(segments);

    private static string ToQuery(IReadOnlyList<string> segments)
    {
        var sb = new StringBuilder("data");
        foreach (var segment in segments)
        {
            if (IsIdentifier(segment) && !Keywords.Contains(segment))
            {
                sb.Append('.').Append(segment);
            }
            else
            {
                sb.Append('[').Append(System.Text.Json.JsonSerializer.Serialize(segment)).Append(']');
            }
        }
        return sb.ToString();
    }

    private static bool IsIdentifier(string s) =>
        s.Length > 0 && (char.IsAsciiLetter(s[0]) || s[0] == '_') && s.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}

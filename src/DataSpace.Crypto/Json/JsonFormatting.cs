using System.Text.Encodings.Web;
using System.Text.Json;

namespace DataSpace.Crypto.Json;

/// <summary>
/// How DataSpace writes JSON for people and files (not for signing: that is <see cref="CanonicalJson"/>).
/// Indented, and without System.Text.Json's HTML-safe escaping, so keys such as
/// <c>88.608.8889+1f2e3d4c+AX…</c> appear as they are and can be copied from the output.
/// </summary>
public static class JsonFormatting
{
    /// <summary>Indented output with minimal escaping.</summary>
    public static JsonSerializerOptions Indented { get; } = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Serialises a node indented, with a final newline, as UTF-8.</summary>
    public static byte[] ToUtf8Document(System.Text.Json.Nodes.JsonNode node) =>
        System.Text.Encoding.UTF8.GetBytes(node.ToJsonString(Indented) + "\n");
}

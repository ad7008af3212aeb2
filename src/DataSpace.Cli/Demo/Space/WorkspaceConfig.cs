using System.Text.Json.Nodes;
using DataSpace.Crypto.Json;

namespace DataSpace.Cli.Demo.Space;

/// <summary>
/// Writes a service's settings as the JSON file <c>dataspace broker --config</c> and
/// <c>dataspace connector --config</c> read, so a kept workspace can be started again by hand on the
/// same URLs (the connectors' URLs are their registered endpoints).
/// </summary>
internal static class WorkspaceConfig
{
    public static async Task WriteAsync(string path, IReadOnlyDictionary<string, string> settings, Uri url, CancellationToken cancellationToken)
    {
        var root = new JsonObject();
        foreach (var (key, value) in settings.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var names = key.Split(':');
            var node = root;
            foreach (var name in names[..^1])
            {
                node = node[name] as JsonObject ?? (JsonObject)(node[name] = new JsonObject());
            }
            node[names[^1]] = value;
        }
        root["urls"] = url.ToString().TrimEnd('/');
        await File.WriteAllTextAsync(path, root.ToJsonString(JsonFormatting.Indented) + "\n", cancellationToken);
    }
}

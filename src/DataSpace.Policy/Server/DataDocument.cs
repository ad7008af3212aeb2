using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataSpace.Policy.Server;

/// <summary>
/// Writes into the base data document at a path, as OPA's Data API does: <c>PUT</c> creates missing
/// parent objects, <c>DELETE</c> and <c>PATCH</c> (RFC 6902 <c>add</c>/<c>remove</c>/<c>replace</c>,
/// paths relative to the URL's) need the target to exist. Works on a copy the caller then commits.
/// </summary>
internal static class DataDocument
{
    public static OpaError? Put(JsonObject root, IReadOnlyList<string> path, JsonNode? value)
    {
        if (path.Count == 0)
        {
            if (value is not JsonObject replacement)
            {
                return OpaError.BadRequest("the root data document must be an object");
            }
            root.Clear();
            foreach (var (key, child) in replacement.ToList())
            {
                replacement.Remove(key);
                root[key] = child;
            }
            return null;
        }
        var parent = root;
        foreach (var segment in path.SkipLast(1))
        {
            switch (parent[segment])
            {
                case null:
                    var created = new JsonObject();
                    parent[segment] = created;
                    parent = created;
                    break;
                case JsonObject existing:
                    parent = existing;
                    break;
                default:
                    return new OpaError(404, "resource_conflict", $"storage_write_conflict_error: {Pointer(path)} is below a non-object value");
            }
        }
        parent[path[^1]] = value;
        return null;
    }

    public static OpaError? Delete(JsonObject root, IReadOnlyList<string> path)
    {
        if (path.Count == 0)
        {
            root.Clear();
            return null;
        }
        var removed = Navigate(root, path.SkipLast(1)) switch
        {
            JsonObject parent => parent.Remove(path[^1]),
            JsonArray array when int.TryParse(path[^1], out var index) && index >= 0 && index < array.Count => RemoveAt(array, index),
            _ => false,
        };
        return removed ? null : OpaError.NotFound($"storage_not_found_error: {Pointer(path)}: document missing");
    }

    public static OpaError? Patch(JsonObject root, IReadOnlyList<string> basePath, JsonNode? body)
    {
        if (body is not JsonArray operations)
        {
            return OpaError.BadRequest("a patch body must be a JSON array of operations");
        }
        foreach (var operation in operations)
        {
            if (operation is not JsonObject op || op["op"] is not JsonValue opValue || op["path"] is not JsonValue pathValue
                || opValue.GetValueKind() != JsonValueKind.String || pathValue.GetValueKind() != JsonValueKind.String)
            {
                return OpaError.BadRequest("each patch operation needs string members \"op\" and \"path\"");
            }
            var path = basePath.Concat(ParsePointer(pathValue.GetValue<string>())).ToList();
            var error = opValue.GetValue<string>() switch
            {
                "add" => Add(root, path, op["value"]?.DeepClone()),
                "remove" => Delete(root, path),
                "replace" => Exists(root, path) ? Put(root, path, op["value"]?.DeepClone()) : OpaError.NotFound($"storage_not_found_error: {Pointer(path)}: document missing"),
                var other => OpaError.BadRequest($"bad patch operation: {other}"),
            };
            if (error is not null)
            {
                return error;
            }
        }
        return null;
    }

    private static OpaError? Add(JsonObject root, IReadOnlyList<string> path, JsonNode? value)
    {
        if (path.Count > 0 && Navigate(root, path.SkipLast(1)) is JsonArray array)
        {
            var last = path[^1];
            if (last == "-")
            {
                array.Add(value);
                return null;
            }
            if (int.TryParse(last, out var index) && index >= 0 && index <= array.Count)
            {
                array.Insert(index, value);
                return null;
            }
            return OpaError.BadRequest($"bad patch path: {Pointer(path)}");
        }
        return Put(root, path, value);
    }

    private static bool RemoveAt(JsonArray array, int index)
    {
        array.RemoveAt(index);
        return true;
    }

    private static bool Exists(JsonObject root, IReadOnlyList<string> path) =>
        path.Count == 0 || Navigate(root, path.SkipLast(1)) is JsonObject parent && parent.ContainsKey(path[^1]);

    private static JsonNode? Navigate(JsonNode? node, IEnumerable<string> path)
    {
        foreach (var segment in path)
        {
            node = node switch
            {
                JsonObject o => o[segment],
                JsonArray a when int.TryParse(segment, out var i) && i >= 0 && i < a.Count => a[i],
                _ => null,
            };
        }
        return node;
    }

    // RFC 6901 JSON pointer: "/a/b~1c" → ["a", "b/c"].
    private static IEnumerable<string> ParsePointer(string pointer) =>
        pointer.Trim('/').Length == 0 ? [] : pointer.Trim('/').Split('/').Select(s => s.Replace("~1", "/").Replace("~0", "~"));

    private static string Pointer(IReadOnlyList<string> path) => "/" + string.Join('/', path);
}

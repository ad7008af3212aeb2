using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace DataSpace.Crypto.Json;

/// <summary>Source-generated metadata for the JSON types this library serialises itself.</summary>
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class JsonContext : JsonSerializerContext;

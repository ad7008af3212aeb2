using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace DataSpace.Broker.Identity;

/// <summary>Source-generated JSON metadata for the identity feature's documents.</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class SigningKeyJson : JsonSerializerContext;

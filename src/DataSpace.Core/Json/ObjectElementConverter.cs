using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataSpace.Core.Json;

/// <summary>
/// Reads a member that must be a JSON object into an immutable <see cref="JsonElement"/>: as strict
/// as a <c>JsonObject</c> member (anything else is an error naming the member), without building a
/// node tree for a document that is only compared, checked or written out again.
/// </summary>
public sealed class ObjectElementConverter : JsonConverter<JsonElement>
{
    public override JsonElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"The JSON value could not be converted to a JSON object: it is {reader.TokenType}.");
        }
        return JsonSerializer.Deserialize<JsonElement>(ref reader, options);
    }

    public override void Write(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options) => RawElementConverter.WriteRaw(writer, value);
}

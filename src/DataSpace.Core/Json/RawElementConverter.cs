using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataSpace.Core.Json;

/// <summary>
/// Writes a <see cref="JsonElement"/> member as the text it was parsed from, instead of token by
/// token: entries, decision records and labels that a record carries were parsed once and are valid
/// JSON, and re-encoding each of their strings cost a few per cent of a negotiation at the broker
/// and the provider. The text keeps its own escapes, which changes no value; whatever is signed is
/// canonicalised from its value (RFC 8785), never taken from these bytes as they are. Reads with
/// the serializer's own converter, which applies the options' duplicate-member rule.
/// </summary>
public sealed class RawElementConverter : JsonConverter<JsonElement>
{
    private static readonly JsonConverter<JsonElement> Builtin = (JsonConverter<JsonElement>)JsonSerializerOptions.Default.GetConverter(typeof(JsonElement));

    public override JsonElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Builtin.Read(ref reader, typeToConvert, options);

    public override void Write(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options) => WriteRaw(writer, value);

    /// <summary>Writes <paramref name="value"/> as its raw text; an undefined element fails as <see cref="JsonElement.WriteTo"/> does.</summary>
    public static void WriteRaw(Utf8JsonWriter writer, JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.ValueKind == JsonValueKind.Undefined)
        {
            value.WriteTo(writer);
            return;
        }
        writer.WriteRawValue(JsonMarshal.GetRawUtf8Value(value), skipInputValidation: true);
    }
}

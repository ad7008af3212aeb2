using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataSpace.Core.Json;

/// <summary>Reads and writes <see cref="DateTimeOffset"/> in the one spelling of <see cref="Timestamps"/> (<c>yyyy-MM-ddTHH:mm:ssZ</c>).</summary>
internal sealed class TimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && Timestamps.TryParse(reader.GetString(), out var time)
            ? time
            : throw new JsonException("a time must be a UTC timestamp written yyyy-MM-ddTHH:mm:ssZ");

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Timestamps.Format(value));
}

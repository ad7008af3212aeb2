using System.Text.Encodings.Web;
using System.Text.Json;

namespace DataSpace.Storage;

/// <summary>
/// Blob metadata as every store keeps it: one JSON object of string names to string values, names in
/// ordinal order, UTF-8, non-ASCII characters kept as they are. Any string map round-trips, whatever its
/// names (Azure's own metadata names must be C# identifiers, so the stores never use them for user names).
/// </summary>
public static class BlobMetadata
{
    /// <summary>
    /// The largest metadata accepted, as encoded JSON: far above a classification label (a few KB), small
    /// enough that reading a blob's description never becomes a transfer of its own.
    /// </summary>
    public const int MaxEncodedBytes = 1 << 20;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Readable on disk; JSON escaping of quotes, backslashes and control characters still applies.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The canonical JSON of <paramref name="metadata"/>.</summary>
    /// <exception cref="ArgumentException">A value is null, a string is not valid Unicode, or the JSON is
    /// larger than <see cref="MaxEncodedBytes"/>.</exception>
    internal static byte[] Encode(IReadOnlyDictionary<string, string> metadata, string paramName = "metadata")
    {
        ArgumentNullException.ThrowIfNull(metadata, paramName);
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in metadata.OrderBy(entry => entry.Key, StringComparer.Ordinal))
            {
                if (value is null)
                {
                    throw new ArgumentException($"Metadata '{name}' has a null value; use an empty string.", paramName);
                }
                if (HasUnpairedSurrogate(name) || HasUnpairedSurrogate(value))
                {
                    throw new ArgumentException($"Metadata '{name}' is not valid Unicode (an unpaired surrogate), so it cannot be stored as UTF-8.", paramName);
                }
                writer.WriteString(name, value);
            }
            writer.WriteEndObject();
        }
        if (buffer.Length > MaxEncodedBytes)
        {
            throw new ArgumentException($"The metadata is {buffer.Length} bytes as JSON; the limit is {MaxEncodedBytes}.", paramName);
        }
        return buffer.ToArray();
    }

    /// <summary>Reads metadata JSON written by <see cref="Encode"/>.</summary>
    /// <exception cref="InvalidDataException">Not a JSON object of strings.</exception>
    internal static IReadOnlyDictionary<string, string> Decode(ReadOnlySpan<byte> json, string source)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            var metadata = Read(ref reader, source);
            if (reader.Read())
            {
                throw new InvalidDataException($"The metadata of {source} has data after the JSON object.");
            }
            return metadata;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The metadata of {source} is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>Reads the metadata object at the reader's next token.</summary>
    internal static IReadOnlyDictionary<string, string> Read(ref Utf8JsonReader reader, string source)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new InvalidDataException($"The metadata of {source} is not a JSON object.");
        }
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            if (!reader.Read() || reader.TokenType != JsonTokenType.String)
            {
                throw new InvalidDataException($"The metadata of {source} has a value for '{name}' that is not a string.");
            }
            if (!metadata.TryAdd(name, reader.GetString()!))
            {
                throw new InvalidDataException($"The metadata of {source} has '{name}' twice.");
            }
        }
        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw new InvalidDataException($"The metadata of {source} is not a JSON object of strings.");
        }
        return metadata.AsReadOnly();
    }

    private static bool HasUnpairedSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return true;
            }
        }
        return false;
    }
}

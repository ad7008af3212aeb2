using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Win32.SafeHandles;

namespace DataSpace.Storage.FileSystem;

/// <summary>
/// The file that holds one blob version: a single JSON header line, then the content bytes unchanged.
/// <code>
/// {"format":"dataspace-blob/1","sha256":"&lt;64 hex&gt;","createdAt":"yyyy-MM-ddTHH:mm:ss.fffZ","metadata":{…}}\n
/// &lt;content&gt;
/// </code>
/// One file, so that content, digest and metadata are published by one rename and a reader's handle
/// holds all three of one version. The digest and the time are only known once the content is written,
/// so the header is written first with fixed-width placeholders and sealed in place afterwards.
/// </summary>
internal static class BlobFile
{
    public const string Format = "dataspace-blob/1";

    /// <summary>The largest header accepted: the metadata limit plus the fixed fields.</summary>
    public const int MaxHeaderBytes = BlobMetadata.MaxEncodedBytes + 256;

    private const int FirstHeaderRead = 4 * 1024;
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
    private static readonly byte[] BeforeDigest = Encoding.ASCII.GetBytes("{\"format\":\"" + Format + "\",\"sha256\":\"");
    private static readonly byte[] BeforeTime = Encoding.ASCII.GetBytes("\",\"createdAt\":\"");
    private static readonly byte[] BeforeMetadata = Encoding.ASCII.GetBytes("\",\"metadata\":");
    private static readonly byte[] ZeroDigest = Encoding.ASCII.GetBytes(new string('0', 64));
    // Every time from year 1000 to 9999 formats to this same width, so sealing never moves a byte.
    private static readonly byte[] PlaceholderTime = Encoding.ASCII.GetBytes(FormatTime(DateTimeOffset.UnixEpoch));
    private static readonly int DigestOffset = BeforeDigest.Length;
    private static readonly int TimeOffset = DigestOffset + 64 + BeforeTime.Length;

    /// <summary>The header line for <paramref name="metadataJson"/>, with zeroed digest and time slots.</summary>
    public static byte[] Header(byte[] metadataJson) =>
        [.. BeforeDigest, .. ZeroDigest, .. BeforeTime, .. PlaceholderTime, .. BeforeMetadata, .. metadataJson, (byte)'}', (byte)'\n'];

    /// <summary>Writes the digest and the publication time into the header's slots.</summary>
    public static void Seal(SafeFileHandle file, string sha256Hex, DateTimeOffset createdAt)
    {
        RandomAccess.Write(file, Encoding.ASCII.GetBytes(sha256Hex), DigestOffset);
        RandomAccess.Write(file, Encoding.ASCII.GetBytes(FormatTime(createdAt)), TimeOffset);
    }

    /// <summary>Reads and checks the header and leaves <paramref name="file"/> at the first content byte.</summary>
    /// <exception cref="InvalidDataException">The file is not a sealed blob file.</exception>
    public static async Task<BlobFileHeader> ReadHeaderAsync(FileStream file, string key, CancellationToken cancellationToken)
    {
        // Headers are usually well under a KiB: start small and grow, since every negotiation reads
        // one (a 64 KiB first read was a seventh of a negotiation's CPU, mostly clearing the buffer).
        var buffer = new byte[Math.Min(FirstHeaderRead, Math.Max(1, (int)Math.Min(file.Length, MaxHeaderBytes)))];
        var filled = 0;
        int end;
        while ((end = buffer.AsSpan(0, filled).IndexOf((byte)'\n')) < 0)
        {
            if (filled == buffer.Length)
            {
                if (buffer.Length >= MaxHeaderBytes)
                {
                    throw Corrupt(key, $"no header line within {MaxHeaderBytes} bytes");
                }
                Array.Resize(ref buffer, Math.Min(buffer.Length * 2, MaxHeaderBytes));
            }
            var read = await file.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw Corrupt(key, "the header line is cut short");
            }
            filled += read;
        }
        var header = Parse(buffer.AsSpan(0, end), key);
        file.Position = end + 1;
        return header with { ContentOffset = end + 1 };
    }

    private static BlobFileHeader Parse(ReadOnlySpan<byte> line, string key)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            Expect(reader.Read() && reader.TokenType == JsonTokenType.StartObject, key, "the header is not a JSON object");
            Expect(ReadProperty(ref reader, "format") == Format, key, $"the format is not {Format}");
            var sha256 = ReadProperty(ref reader, "sha256");
            Expect(sha256 is { Length: 64 } && sha256.AsSpan().IndexOfAnyExcept("0123456789abcdef") < 0 && sha256 != new string('0', 64),
                key, "the SHA-256 is not 64 lowercase hex digits (an unsealed file?)");
            var time = ReadProperty(ref reader, "createdAt");
            Expect(DateTimeOffset.TryParseExact(time, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var createdAt),
                key, "createdAt is not a UTC time with milliseconds");
            Expect(reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("metadata"u8), key, "metadata is missing");
            var metadata = BlobMetadata.Read(ref reader, $"blob '{key}'");
            Expect(reader.Read() && reader.TokenType == JsonTokenType.EndObject && !reader.Read(), key, "the header has more than format, sha256, createdAt and metadata");
            return new BlobFileHeader(sha256!, createdAt.ToUniversalTime(), metadata, 0);
        }
        catch (JsonException e)
        {
            throw Corrupt(key, e.Message);
        }
    }

    private static string? ReadProperty(ref Utf8JsonReader reader, string name)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals(name))
        {
            return null;
        }
        return reader.Read() && reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
    }

    private static void Expect(bool condition, string key, string problem)
    {
        if (!condition)
        {
            throw Corrupt(key, problem);
        }
    }

    private static InvalidDataException Corrupt(string key, string problem) =>
        new($"The file of blob '{key}' is not a valid {Format} file: {problem}.");

    private static string FormatTime(DateTimeOffset time) => time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);
}

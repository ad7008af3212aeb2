using System.Buffers.Text;
using System.Globalization;
using System.Text.RegularExpressions;

namespace DataSpace.Storage.Azure;

/// <summary>
/// What <see cref="AzureBlobStore"/> keeps in a blob's own Azure metadata. Azure metadata names must be
/// C# identifiers and values travel as ASCII HTTP headers, 8 KiB in all; so user metadata never becomes
/// Azure metadata names: its JSON (<see cref="BlobMetadata"/>) goes base64url-encoded into one entry,
/// or, when larger than <see cref="MaxInlineChars"/>, into a sidecar blob named by one entry.
/// </summary>
/// <param name="Version">Random id of the put that wrote this version (32 hex); names its sidecar.</param>
/// <param name="Sha256">SHA-256 of the content, lowercase hex.</param>
/// <param name="CreatedAt">When the version was published.</param>
/// <param name="InlineMetadata">The metadata JSON, when it fits in Azure's metadata.</param>
/// <param name="Sidecar">The sidecar's name relative to the key (<c>.meta.&lt;version&gt;.json</c>), otherwise.</param>
internal sealed partial record AzureBlobEntries(
    string Version,
    string Sha256,
    DateTimeOffset CreatedAt,
    byte[]? InlineMetadata,
    string? Sidecar)
{
    public const string VersionName = "dataspace_version";
    public const string Sha256Name = "dataspace_sha256";
    public const string CreatedName = "dataspace_created";
    public const string MetadataName = "dataspace_meta";
    public const string SidecarName = "dataspace_meta_sidecar";

    /// <summary>The longest inline value: with the other entries the total stays well under Azure's 8 KiB.</summary>
    public const int MaxInlineChars = 6 * 1024;

    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>The entries for a new version, inline or with a sidecar as the metadata's size decides.</summary>
    public static AzureBlobEntries For(string version, string sha256, DateTimeOffset createdAt, byte[] metadataJson) =>
        FitsInline(metadataJson)
            ? new(version, sha256, createdAt, metadataJson, null)
            : new(version, sha256, createdAt, null, SidecarFor(version));

    /// <summary>Whether metadata of this size is kept in the blob's own Azure metadata.</summary>
    public static bool FitsInline(byte[] metadataJson) => Base64Url.GetEncodedLength(metadataJson.Length) <= MaxInlineChars;

    /// <summary>The sidecar name (relative to the key) for a version.</summary>
    public static string SidecarFor(string version) => $".meta.{version}.json";

    /// <summary>As Azure metadata.</summary>
    public Dictionary<string, string> ToAzure()
    {
        var entries = new Dictionary<string, string>
        {
            [VersionName] = Version,
            [Sha256Name] = Sha256,
            [CreatedName] = CreatedAt.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture),
        };
        if (InlineMetadata is not null)
        {
            entries[MetadataName] = Base64Url.EncodeToString(InlineMetadata);
        }
        else
        {
            entries[SidecarName] = Sidecar!;
        }
        return entries;
    }

    /// <summary>Reads the entries of blob <paramref name="key"/>; strict, since a digest is among them.</summary>
    /// <exception cref="InvalidDataException">Missing or malformed: the blob was not written by this store.</exception>
    public static AzureBlobEntries Parse(string key, IDictionary<string, string> azure)
    {
        // Azure metadata names are case-insensitive.
        var entries = new Dictionary<string, string>(azure, StringComparer.OrdinalIgnoreCase);
        var version = Get(entries, key, VersionName);
        var sha256 = Get(entries, key, Sha256Name);
        var created = Get(entries, key, CreatedName);
        if (!Hex(32).IsMatch(version) || !Hex(64).IsMatch(sha256))
        {
            throw Invalid(key, $"{VersionName} or {Sha256Name} is not lowercase hex of the right length");
        }
        if (!DateTimeOffset.TryParseExact(created, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var createdAt))
        {
            throw Invalid(key, $"{CreatedName} is not a UTC time with milliseconds");
        }
        if (entries.TryGetValue(MetadataName, out var inline))
        {
            byte[] json;
            try
            {
                json = Base64Url.DecodeFromChars(inline);
            }
            catch (FormatException)
            {
                throw Invalid(key, $"{MetadataName} is not base64url");
            }
            return new(version, sha256, createdAt.ToUniversalTime(), json, null);
        }
        if (entries.TryGetValue(SidecarName, out var sidecar) && sidecar == SidecarFor(version))
        {
            return new(version, sha256, createdAt.ToUniversalTime(), null, sidecar);
        }
        throw Invalid(key, $"neither {MetadataName} nor a {SidecarName} matching its version is present");
    }

    private static string Get(Dictionary<string, string> entries, string key, string name) =>
        entries.TryGetValue(name, out var value) ? value : throw Invalid(key, $"{name} is missing (was it written by another tool?)");

    private static InvalidDataException Invalid(string key, string problem) =>
        new($"Blob '{key}' does not carry valid DataSpace metadata: {problem}.");

    private static Regex Hex(int length) => length == 32 ? Hex32() : Hex64();

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex Hex32();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Hex64();
}

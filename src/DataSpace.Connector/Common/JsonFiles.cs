using System.Text.Json;
using DataSpace.Core.Json;

namespace DataSpace.Connector.Common;

/// <summary>
/// Small JSON state files (agreements, received-data records, witness state), written whole or not
/// at all: a temporary file, flushed to disk, then renamed over the old one — so a crash leaves
/// either the old record or the new one, never half of either.
/// </summary>
internal static class JsonFiles
{
    public static async Task WriteAsync<T>(string path, T value, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
        {
            await JsonSerializer.SerializeAsync(stream, value, DomainJson.Options, cancellationToken).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }

    public static async Task<T?> ReadAsync<T>(string path, CancellationToken cancellationToken)
        where T : class
    {
        if (!File.Exists(path))
        {
            return null;
        }
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<T>(stream, DomainJson.Options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A file name for an id that may hold characters a file system dislikes.</summary>
    public static string SafeName(string id) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id)).AsSpan(0, 16)) + ".json";
}

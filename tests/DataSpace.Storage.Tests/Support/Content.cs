using System.Security.Cryptography;

namespace DataSpace.Storage.Tests.Support;

/// <summary>Small helpers for what tests put and read back.</summary>
internal static class Content
{
    public static MemoryStream Of(byte[] bytes) => new(bytes, writable: false);

    public static string Sha256Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static async Task<byte[]> ReadAllAsync(OpenedBlob blob)
    {
        using var buffer = new MemoryStream();
        await blob.Content.CopyToAsync(buffer, TestContext.Current.CancellationToken);
        return buffer.ToArray();
    }

    public static Dictionary<string, string> Metadata(params (string Name, string Value)[] entries) =>
        entries.ToDictionary(entry => entry.Name, entry => entry.Value, StringComparer.Ordinal);

    public static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();
}

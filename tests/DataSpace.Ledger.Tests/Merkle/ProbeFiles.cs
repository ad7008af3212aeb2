using System.Text.Json;
using DataSpace.Testing;

namespace DataSpace.Ledger.Tests.Merkle;

/// <summary>Reads the transparency-dev/merkle JSON probes in place (hashes are base64, like Go's []byte).</summary>
internal static class ProbeFiles
{
    public static readonly string Root = RepositoryPaths.ConformanceFile("merkle", "transparency-dev-merkle-testdata");

    public static TheoryData<string> In(string kind)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, kind), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Root, file));
        }
        return data;
    }

    public static JsonElement Load(string relative) =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Root, relative))).RootElement;

    public static byte[] Bytes(JsonElement probe, string name) =>
        probe.GetProperty(name) is { ValueKind: JsonValueKind.String } value ? Convert.FromBase64String(value.GetString()!) : [];

    public static byte[][] Proof(JsonElement probe) =>
        probe.GetProperty("proof") is { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray().Select(h => Convert.FromBase64String(h.GetString()!)).ToArray()
            : [];

    public static ulong Number(JsonElement probe, string name) => probe.GetProperty(name).GetUInt64();
}

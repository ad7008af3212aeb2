using System.Text.Json;
using DataSpace.Testing;

namespace DataSpace.Crypto.Tests.Primitives;

/// <summary>Reads a Wycheproof vector file in place: every test with its group.</summary>
internal static class WycheproofFile
{
    public static IEnumerable<(JsonElement Group, JsonElement Test)> Tests(string fileName)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(RepositoryPaths.ConformanceFile("wycheproof", fileName)));
        var root = document.RootElement.Clone();
        return root.GetProperty("testGroups").EnumerateArray()
            .SelectMany(group => group.GetProperty("tests").EnumerateArray().Select(test => (group, test)))
            .ToList();
    }

    public static byte[] Hex(this JsonElement element, string name) => Convert.FromHexString(element.GetProperty(name).GetString()!);

    public static bool HasFlag(this JsonElement test, string flag) =>
        test.GetProperty("flags").EnumerateArray().Any(f => f.GetString() == flag);
}

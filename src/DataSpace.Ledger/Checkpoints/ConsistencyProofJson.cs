using System.Text.Json;
using DataSpace.Ledger.Merkle;
using DataSpace.Ledger.Notes;

namespace DataSpace.Ledger.Checkpoints;

/// <summary>
/// Reads the broker's <c>GET /ledger/proofs/consistency?from=&amp;to=</c> answer,
/// <c>{"index": from, "size": to, "from": from, "hashes": ["base64", …]}</c>, strictly: the sizes
/// must be the ones asked for, and every hash canonical base64 of 32 bytes.
/// </summary>
internal static class ConsistencyProofJson
{
    public static bool TryRead(string json, ulong from, ulong to, out IReadOnlyList<byte[]> hashes, out string? error)
    {
        hashes = [];
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("size", out var size) || !root.TryGetProperty("from", out var start)
                || !root.TryGetProperty("hashes", out var array) || array.ValueKind != JsonValueKind.Array)
            {
                error = "the consistency proof is not an object with from, size and hashes";
                return false;
            }
            if (!start.TryGetUInt64(out var first) || !size.TryGetUInt64(out var second) || first != from || second != to)
            {
                error = $"the consistency proof is for sizes {start} to {size}, not {from} to {to}";
                return false;
            }
            var list = new List<byte[]>(array.GetArrayLength());
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String || !NoteText.TryDecodeBase64(item.GetString()!, out var hash) || hash.Length != MerkleHash.Size)
                {
                    error = $"consistency proof hash {list.Count} is not canonical base64 of {MerkleHash.Size} bytes";
                    return false;
                }
                list.Add(hash);
            }
            hashes = list;
            error = null;
            return true;
        }
        catch (JsonException e)
        {
            error = $"the consistency proof is not JSON: {e.Message}";
            return false;
        }
    }
}

using System.Text.Json.Nodes;
using DataSpace.Crypto.Signatures;
using DataSpace.Ledger.Checkpoints;
using DataSpace.Ledger.Entries;
using DataSpace.Ledger.Logs;
using DataSpace.Ledger.Notes;

namespace DataSpace.Ledger.Tests.Verification;

/// <summary>
/// One randomized tampering of a ledger copy and where the audit must locate it: an entry index
/// (the first entry that differs from the pristine ledger) or a checkpoint size.
/// </summary>
internal sealed record Tampering(string Description, ulong? Index, ulong? CheckpointSize)
{
    public static readonly string[] Kinds =
        ["naive-flip", "rewritten-flip", "drop", "duplicate", "swap", "truncate", "truncate-mid-record", "re-sign", "split-view", "foreign-checkpoint"];

    public static Tampering Apply(string kind, string ledger, Random random, Ed25519Signer logKey)
    {
        var leaves = SegmentFile.ReadLeaves(ledger);
        var n = leaves.Count;
        var i = random.Next(n);
        switch (kind)
        {
            case "naive-flip":
            {
                // Any byte of record i, its framing and checksum included; checksums are left as they are.
                var (offset, length) = SegmentFile.Record(ledger, i);
                var bytes = File.ReadAllBytes(SegmentFile.Find(ledger));
                var at = offset + random.Next(length);
                bytes[at] ^= (byte)(1 << random.Next(8));
                File.WriteAllBytes(SegmentFile.Find(ledger), bytes);
                return new($"{kind} record {i} byte {at - offset}", (ulong)i, null);
            }
            case "rewritten-flip":
            {
                var at = random.Next(leaves[i].Length);
                leaves[i][at] ^= (byte)(1 << random.Next(8));
                SegmentFile.WriteLeaves(ledger, leaves);
                return new($"{kind} entry {i} byte {at}", (ulong)i, null);
            }
            case "drop":
                leaves.RemoveAt(i);
                SegmentFile.WriteLeaves(ledger, leaves);
                return new($"{kind} entry {i}", (ulong)i, null);
            case "duplicate":
                leaves.Insert(i + 1, leaves[i]);
                SegmentFile.WriteLeaves(ledger, leaves);
                return new($"{kind} entry {i}", (ulong)i + 1, null);
            case "swap":
            {
                var j = (i + 1 + random.Next(n - 1)) % n;
                (leaves[i], leaves[j]) = (leaves[j], leaves[i]);
                SegmentFile.WriteLeaves(ledger, leaves);
                return new($"{kind} entries {i} and {j}", (ulong)Math.Min(i, j), null);
            }
            case "truncate":
                SegmentFile.WriteLeaves(ledger, leaves.Take(i));
                return new($"{kind} at entry {i}", (ulong)i, null);
            case "truncate-mid-record":
            {
                var (offset, length) = SegmentFile.Record(ledger, i);
                using var stream = new FileStream(SegmentFile.Find(ledger), FileMode.Open);
                stream.SetLength(offset + 1 + random.Next(length - 1));
                return new($"{kind} inside record {i}", (ulong)i, null);
            }
            case "re-sign":
                leaves[i] = Resign(leaves[i], random);
                SegmentFile.WriteLeaves(ledger, leaves);
                return new($"{kind} entry {i}", (ulong)i, null);
            default:
                return ForgeCheckpoint(kind, ledger, random, logKey);
        }
    }

    /// <summary>Alters the body and re-signs it with fresh keys under the original signers' names.</summary>
    private static byte[] Resign(byte[] leaf, Random random)
    {
        var entry = LedgerEntry.Parse(leaf);
        var body = JsonNode.Parse(entry.Body.GetRawText())!.AsObject();
        body["tampered"] = random.Next();
        var names = entry.Signatures.Select(s => s.KeyId[..s.KeyId.IndexOf('+', StringComparison.Ordinal)]).ToList();
        var forgers = names.Select(Ed25519Signer.Generate).ToList();
        try
        {
            return LedgerEntry.Create(entry.Type, body, forgers).Bytes.ToArray();
        }
        finally
        {
            forgers.ForEach(f => f.Dispose());
        }
    }

    /// <summary>A second checkpoint of an existing size with another root: signed by the log (a split view) or by an impostor.</summary>
    private static Tampering ForgeCheckpoint(string kind, string ledger, Random random, Ed25519Signer logKey)
    {
        var sizes = Directory.GetFiles(Path.Combine(ledger, LedgerLayout.CheckpointsDirectory)).Select(f => ulong.Parse(Path.GetFileName(f), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var size = sizes[random.Next(sizes.Count)];
        var root = new byte[32];
        random.NextBytes(root);
        using var signer = kind == "split-view" ? NoteSigner.FromSeed(logKey.Name, logKey.ExportSeed()) : NoteSigner.Generate(logKey.Name);
        var forged = SignedCheckpoint.Sign(new Checkpoint(logKey.Name, size, root), signer);
        File.WriteAllText(Path.Combine(ledger, LedgerLayout.CheckpointsDirectory, $"collected-{random.Next()}"), forged.Note.Format());
        return new($"{kind} at size {size}", null, size);
    }
}

using System.Buffers.Binary;
using System.Text;
using DataSpace.Ledger.Logs;

namespace DataSpace.Cli.Demo.Actions;

/// <summary>
/// Alters one entry in a copy of a ledger directory, as an attacker with write access to the files
/// would: inside the leaf of entry <c>index</c>, the first occurrence of a text is replaced by
/// another of the same length (or, without one, a byte in the middle is flipped), leaving every
/// other byte — framing, checksums, other entries, checkpoints — as it was. Segment layout:
/// docs/formats.md, "Ledger directory" (16-byte header <c>DSLSEG01</c> + first index u64 LE, then
/// records <c>u32 LE length ‖ 32-byte leaf hash ‖ leaf</c>).
/// </summary>
internal static class LedgerTamper
{
    private const int HeaderSize = 16;
    private const int RecordHeaderSize = 4 + 32;

    /// <summary>Copies <paramref name="source"/> to <paramref name="target"/> and alters entry <paramref name="index"/> there; returns what was changed.</summary>
    public static async Task<string> CopyAndAlterAsync(string source, string target, ulong index, string? find, string? replace, CancellationToken cancellationToken)
    {
        Copy(source, target);
        var segments = Directory.GetFiles(Path.Combine(target, LedgerLayout.LeavesDirectory), "*.seg").Order(StringComparer.Ordinal).ToList();
        foreach (var segment in segments.AsEnumerable().Reverse())
        {
            var bytes = await File.ReadAllBytesAsync(segment, cancellationToken);
            var first = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(8, 8));
            if (first > index)
            {
                continue;
            }
            var (start, length) = Leaf(bytes, index - first);
            var change = Alter(bytes.AsSpan(start, length), find, replace);
            await File.WriteAllBytesAsync(segment, bytes, cancellationToken);
            return change;
        }
        throw new InvalidOperationException($"the ledger has no segment holding entry {index}");
    }

    /// <summary>Where the leaf of the record <paramref name="offset"/> places into the segment starts, and its length.</summary>
    private static (int Start, int Length) Leaf(byte[] segment, ulong offset)
    {
        var position = HeaderSize;
        for (ulong i = 0; ; i++)
        {
            if (position + RecordHeaderSize > segment.Length)
            {
                throw new InvalidOperationException($"the segment ends before record {offset}");
            }
            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(segment.AsSpan(position, 4));
            if (i == offset)
            {
                return (position + RecordHeaderSize, length);
            }
            position += RecordHeaderSize + length;
        }
    }

    private static string Alter(Span<byte> leaf, string? find, string? replace)
    {
        if (find is not null && replace is not null)
        {
            var at = leaf.IndexOf(Encoding.UTF8.GetBytes(find));
            if (at >= 0)
            {
                Encoding.UTF8.GetBytes(replace).CopyTo(leaf[at..]);
                return $"{find} → {replace}";
            }
        }
        var middle = leaf.Length / 2;
        leaf[middle] ^= 0x01;
        return $"one bit of byte {middle} flipped";
    }

    private static void Copy(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (Path.GetFileName(relative) == "LOCK")
            {
                continue;
            }
            var copy = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }
}

using System.Buffers.Binary;
using System.Globalization;

namespace DataSpace.Ledger.Storage;

/// <summary>
/// On-disk layout of a segment file (docs/formats.md, "File ledger"): a 16-byte header —
/// ASCII <c>DSLSEG01</c> then the index of its first leaf as u64 little-endian — followed by
/// records <c>u32 LE length || 32-byte SHA-256(0x00 || leaf) || leaf</c>. The checksum is the
/// RFC 6962 leaf hash itself, so validating a record also yields its tree leaf.
/// </summary>
internal static class SegmentFormat
{
    public const int HeaderSize = 16;
    public const int RecordHeaderSize = 4 + 32;
    public const string Extension = ".seg";
    private static ReadOnlySpan<byte> Magic => "DSLSEG01"u8;

    /// <summary>Segment files are named by their first leaf index, zero-padded so names sort in log order.</summary>
    public static string FileName(ulong firstIndex) => firstIndex.ToString("D20", CultureInfo.InvariantCulture) + Extension;

    public static bool TryParseFileName(string path, out ulong firstIndex)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        firstIndex = 0;
        return name.Length == 20 && name.All(char.IsAsciiDigit)
            && ulong.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out firstIndex);
    }

    public static byte[] Header(ulong firstIndex)
    {
        var header = new byte[HeaderSize];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(8), firstIndex);
        return header;
    }

    public static bool TryReadHeader(ReadOnlySpan<byte> header, out ulong firstIndex)
    {
        firstIndex = 0;
        if (header.Length < HeaderSize || !header[..8].SequenceEqual(Magic))
        {
            return false;
        }
        firstIndex = BinaryPrimitives.ReadUInt64LittleEndian(header[8..]);
        return true;
    }

    public static void WriteRecordHeader(Span<byte> destination, int length, ReadOnlySpan<byte> leafHash)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, (uint)length);
        leafHash.CopyTo(destination[4..]);
    }
}

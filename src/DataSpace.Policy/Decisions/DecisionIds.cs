using System.Buffers.Binary;

namespace DataSpace.Policy;

/// <summary>
/// Decision ids: UUID version 7 (RFC 9562 §5.7) — 48-bit Unix milliseconds, then 74 random bits —
/// so ids sort by time. They must be unique, not secret, so the random bits come from a fast
/// pseudo-random generator: <see cref="Guid.CreateVersion7(DateTimeOffset)"/> asks the operating
/// system for randomness on every call, which cost a quarter of an embedded decision.
/// </summary>
internal static class DecisionIds
{
    public static string New(DateTimeOffset time)
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes);
        var milliseconds = (ulong)time.ToUnixTimeMilliseconds();
        BinaryPrimitives.WriteUInt16BigEndian(bytes, (ushort)(milliseconds >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(bytes[2..], (uint)milliseconds);
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F)); // version 7
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F)); // RFC 9562 variant
        return new Guid(bytes, bigEndian: true).ToString();
    }
}

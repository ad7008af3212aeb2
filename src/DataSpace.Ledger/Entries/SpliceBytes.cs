namespace DataSpace.Ledger.Entries;

/// <summary>
/// Joins byte ranges into one array, sized once. An entry's bytes are spliced this way when it is
/// assembled and when its signatures go in or come out; a collection expression over spans built them a byte at a time
/// through a growing list (4 % of the broker's allocations in a negotiation load).
/// </summary>
internal static class SpliceBytes
{
    public static byte[] Join(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, ReadOnlySpan<byte> third = default, ReadOnlySpan<byte> fourth = default, ReadOnlySpan<byte> fifth = default)
    {
        var joined = new byte[first.Length + second.Length + third.Length + fourth.Length + fifth.Length];
        var at = 0;
        first.CopyTo(joined);
        second.CopyTo(joined.AsSpan(at += first.Length));
        third.CopyTo(joined.AsSpan(at += second.Length));
        fourth.CopyTo(joined.AsSpan(at += third.Length));
        fifth.CopyTo(joined.AsSpan(at + fourth.Length));
        return joined;
    }
}

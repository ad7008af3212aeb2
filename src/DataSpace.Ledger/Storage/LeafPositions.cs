namespace DataSpace.Ledger.Storage;

/// <summary>
/// Where each leaf's record starts: (segment ordinal, byte offset) packed into one long, in
/// blocks of 4096 that never move. Same publication rule as the hash store: one writer records
/// a position before the store publishes the new size; readers stay below the size they saw.
/// </summary>
internal sealed class LeafPositions
{
    private const int OffsetBits = 40;
    private const int BlockShift = 12;
    private long[][] _blocks = new long[16][];

    public static long Pack(int segment, long offset) => ((long)segment << OffsetBits) | offset;

    public static (int Segment, long Offset) Unpack(long position) =>
        ((int)(position >> OffsetBits), position & ((1L << OffsetBits) - 1));

    public void Set(ulong index, long position)
    {
        var blockIndex = (int)(index >> BlockShift);
        var blocks = _blocks;
        if (blockIndex >= blocks.Length)
        {
            var grown = new long[blocks.Length * 2][];
            blocks.CopyTo(grown, 0);
            Volatile.Write(ref _blocks, grown);
            blocks = grown;
        }
        var block = blocks[blockIndex] ??= new long[1 << BlockShift];
        block[(int)(index & ((1 << BlockShift) - 1))] = position;
    }

    public long Get(ulong index) =>
        Volatile.Read(ref _blocks)[(int)(index >> BlockShift)][(int)(index & ((1 << BlockShift) - 1))];
}

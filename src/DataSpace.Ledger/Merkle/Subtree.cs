using System.Numerics;

namespace DataSpace.Ledger.Merkle;

/// <summary>
/// A subtree [Start, End) of a Merkle tree as defined by draft-ietf-plants-merkle-tree-certs
/// §4.1 ("Definition of a Subtree"): valid when Start is a multiple of BIT_CEIL(End − Start), so
/// that MTH(D[Start:End]) is a node of every tree that contains those leaves. Start = End is the
/// empty subtree, whose hash is MTH({}).
/// </summary>
/// <param name="Start">First leaf index, inclusive.</param>
/// <param name="End">Last leaf index, exclusive.</param>
public readonly record struct Subtree(ulong Start, ulong End)
{
    /// <summary>Number of leaves in the subtree (0 when the range is reversed).</summary>
    public ulong Size => End >= Start ? End - Start : 0;

    /// <summary>Whether [Start, End) is a valid subtree (MTC draft §4.1; the empty subtree is valid).</summary>
    public bool IsValid => IsValidRange(Start, End);

    /// <summary>Whether [start, end) is a valid subtree (MTC draft §4.1; the empty subtree is valid).</summary>
    public static bool IsValidRange(ulong start, ulong end)
    {
        if (start > end)
        {
            return false;
        }
        if (start == 0 || start == end)
        {
            return true;
        }
        var size = end - start;
        // BIT_CEIL would overflow past 2^63; such a subtree can only start at 0.
        return size <= 1UL << 63 && (start & (TreeMath.BitCeil(size) - 1)) == 0;
    }

    /// <summary>
    /// Two adjacent subtrees [left.Start, left.End) and [left.End, right.End) that together cover
    /// [start, end): MTC draft §4.5.1 ("Selecting Two Subtrees"). The left one may start before
    /// <paramref name="start"/>; the right one may be empty.
    /// </summary>
    public static (Subtree Left, Subtree Right) Cover(ulong start, ulong end)
    {
        if (start > end)
        {
            throw new ArgumentOutOfRangeException(nameof(start), start, $"start must not exceed end ({end}).");
        }
        if (end - start <= 1)
        {
            return (new Subtree(start, end), new Subtree(end, end));
        }
        var last = end - 1;
        // Where the paths to start and last diverge: that node's children split the range.
        var split = 63 - BitOperations.LeadingZeroCount(start ^ last);
        var mask = (1UL << split) - 1;
        var mid = last & ~mask;
        // Grow the left subtree leftwards as far as alignment allows.
        var leftSplit = 64 - BitOperations.LeadingZeroCount(~start & mask);
        var leftStart = start & ~((1UL << leftSplit) - 1);
        return (new Subtree(leftStart, mid), new Subtree(mid, end));
    }
}

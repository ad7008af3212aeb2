namespace DataSpace.Rego.Evaluation;

/// <summary>
/// Frames for queries and rule bodies, reused by the evaluator that owns the pool (one per thread,
/// see <see cref="Evaluator.Rent"/>): a decision evaluates a handful of rules, each of which needed
/// a new array. A frame comes back with every binding undone, and is cleared again to be sure.
/// </summary>
internal sealed class FramePool
{
    // Frames larger than this, and more than this many of one size, are left to the collector.
    private const int MaxPooledSize = 16;
    private const int MaxPerSize = 8;

    private readonly Stack<RegoValue?[]>?[] _free = new Stack<RegoValue?[]>?[MaxPooledSize + 1];

    public RegoValue?[] Rent(int size)
    {
        if (size == 0)
        {
            return [];
        }
        return size <= MaxPooledSize && _free[size] is { Count: > 0 } free ? free.Pop() : new RegoValue?[size];
    }

    public void Return(RegoValue?[] frame)
    {
        if (frame.Length == 0 || frame.Length > MaxPooledSize)
        {
            return;
        }
        Array.Clear(frame);
        var free = _free[frame.Length] ??= new Stack<RegoValue?[]>(MaxPerSize);
        if (free.Count < MaxPerSize)
        {
            free.Push(frame);
        }
    }
}

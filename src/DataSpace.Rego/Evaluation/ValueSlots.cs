using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DataSpace.Rego.Evaluation;

/// <summary>
/// Stores into the evaluator's own <c>RegoValue?[]</c> arrays: rule frames, the rule-value cache,
/// input-path values. A plain store into such an array checks at run time that the value fits the
/// array's element type (arrays are covariant), a helper call that was a tenth of a decision's
/// time; these arrays are only ever created as <c>RegoValue?[]</c>, so the store goes straight to
/// the slot, after the same bounds check.
/// </summary>
internal static class ValueSlots
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(RegoValue?[] slots, int index, RegoValue? value)
    {
        if ((uint)index >= (uint)slots.Length)
        {
            throw new IndexOutOfRangeException();
        }
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(slots), index) = value;
    }
}

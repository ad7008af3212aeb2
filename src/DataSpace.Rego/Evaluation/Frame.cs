using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DataSpace.Rego.Evaluation;

/// <summary>
/// Writes a binding into a rule's frame. A plain store into a <c>RegoValue?[]</c> checks at run
/// time that the value fits the array's element type (arrays are covariant), a helper call that was
/// a tenth of a decision's time; a frame only ever holds Rego values, so the store goes straight to
/// the slot, after the same bounds check.
/// </summary>
internal static class Frame
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Bind(RegoValue?[] f, int slot, RegoValue value)
    {
        if ((uint)slot >= (uint)f.Length)
        {
            throw new IndexOutOfRangeException();
        }
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(f), slot) = value;
    }
}

namespace DataSpace.Rego.Evaluation;

/// <summary>
/// Values of constant paths into the input (<see cref="DirectTerm.InputPath"/>), looked up once per
/// evaluation and input: a rule that tests <c>input.action</c> against each grant reads it once,
/// not once per grant. The input cannot change during an evaluation except under
/// <c>with input as …</c>, which gives another input object, so the values are kept for the input
/// object they were read from and read again for any other.
/// </summary>
internal sealed partial class Evaluator
{
    private RegoValue? _inputPathsOf;
    private long _inputPathStamp = 1;
    private long[] _inputPathStamps = [];
    private RegoValue?[] _inputPathValues = [];
    private int _inputPathsUsed;

    internal RegoValue? InputPathValue(int index, RegoValue[] keys)
    {
        var input = State.Input;
        if (!ReferenceEquals(input, _inputPathsOf))
        {
            _inputPathsOf = input;
            _inputPathStamp++;
        }
        if (index < _inputPathStamps.Length && _inputPathStamps[index] == _inputPathStamp)
        {
            return _inputPathValues[index];
        }
        var value = input;
        for (var i = 0; i < keys.Length && value is not null; i++)
        {
            value = Lookup(value, keys[i]);
        }
        if (index >= _inputPathStamps.Length)
        {
            var size = Math.Max(index + 1, _policy.InputPathCount);
            Array.Resize(ref _inputPathStamps, size);
            Array.Resize(ref _inputPathValues, size);
        }
        _inputPathStamps[index] = _inputPathStamp;
        ValueSlots.Store(_inputPathValues, index, value);
        _inputPathsUsed = Math.Max(_inputPathsUsed, index + 1);
        return value;
    }

    /// <summary>Forgets the values, so that an evaluator kept for the thread's next query holds no part of this one's input.</summary>
    private void ForgetInputPaths()
    {
        _inputPathsOf = null;
        _inputPathStamp++;
        Array.Clear(_inputPathValues, 0, _inputPathsUsed);
        _inputPathsUsed = 0;
    }
}

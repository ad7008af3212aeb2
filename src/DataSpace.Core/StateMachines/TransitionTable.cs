using DataSpace.Core.Results;

namespace DataSpace.Core.StateMachines;

/// <summary>
/// An explicit state machine: a table of allowed transitions and a guard on every move. A move
/// that is not in the table is a conflict with a reason that names the state, the message and
/// the sender; it is never silently ignored.
/// </summary>
public sealed class TransitionTable<TState, TMessage>
    where TState : struct, Enum
    where TMessage : struct, Enum
{
    private readonly string _processName;
    private readonly IReadOnlyList<Transition<TState, TMessage>> _transitions;
    private readonly HashSet<TState> _terminal;

    /// <summary>Creates the table; <paramref name="terminal"/> states accept no message.</summary>
    public TransitionTable(string processName, IEnumerable<Transition<TState, TMessage>> transitions, IEnumerable<TState> terminal)
    {
        _processName = processName;
        _transitions = transitions.ToList();
        _terminal = [.. terminal];
        var duplicate = _transitions.GroupBy(t => (t.From, t.Message, t.Sender)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two transitions for {duplicate.Key}: a state machine must be deterministic.", nameof(transitions));
        }
    }

    /// <summary>Every allowed transition, for documentation and tests.</summary>
    public IReadOnlyList<Transition<TState, TMessage>> Transitions => _transitions;

    /// <summary>True when no message can leave <paramref name="state"/>.</summary>
    public bool IsTerminal(TState state) => _terminal.Contains(state);

    /// <summary>The state a new process enters on <paramref name="message"/> from <paramref name="sender"/>, or why it cannot start so.</summary>
    public Result<TState> Start(TMessage message, ProtocolRole sender) => Move(null, message, sender);

    /// <summary>The state after <paramref name="message"/> from <paramref name="sender"/> in <paramref name="current"/>, or why not.</summary>
    public Result<TState> Apply(TState current, TMessage message, ProtocolRole sender) => Move(current, message, sender);

    private Result<TState> Move(TState? current, TMessage message, ProtocolRole sender)
    {
        if (current is { } state && IsTerminal(state))
        {
            return Error.Conflict($"The {_processName} is {Name(state)} and accepts no more messages ({message} from the {Lower(sender)} refused).");
        }
        var match = _transitions.FirstOrDefault(t => Nullable.Equals(t.From, current) && EqualityComparer<TMessage>.Default.Equals(t.Message, message));
        if (match is null)
        {
            var where = current is { } s ? $"in state {Name(s)}" : "to start it";
            return Error.Conflict($"{message} is not allowed {where} of the {_processName}; allowed: {Allowed(current)}.");
        }
        var exact = _transitions.FirstOrDefault(t => Nullable.Equals(t.From, current) && EqualityComparer<TMessage>.Default.Equals(t.Message, message) && t.Sender == sender);
        if (exact is null)
        {
            return Error.Forbidden($"Only the {Lower(match.Sender)} may send {message} in the {_processName}, not the {Lower(sender)}.");
        }
        return exact.To;
    }

    private string Allowed(TState? current)
    {
        var options = _transitions.Where(t => Nullable.Equals(t.From, current)).Select(t => $"{t.Message} by the {Lower(t.Sender)}").ToList();
        return options.Count == 0 ? "nothing" : string.Join(", ", options);
    }

    private static string Name(TState state) => state.ToString().ToUpperInvariant();

    private static string Lower(ProtocolRole role) => role.ToString().ToLowerInvariant();
}

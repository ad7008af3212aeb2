namespace DataSpace.Core.StateMachines;

/// <summary>One allowed move: from a state, on a message sent by a role, to a state.</summary>
/// <param name="From">The state the process must be in; null for the message that creates it.</param>
/// <param name="Message">The message that causes the move.</param>
/// <param name="Sender">Who may send that message.</param>
/// <param name="To">The state after the move.</param>
public sealed record Transition<TState, TMessage>(TState? From, TMessage Message, ProtocolRole Sender, TState To)
    where TState : struct, Enum
    where TMessage : struct, Enum;

namespace DataSpace.Core.StateMachines;

/// <summary>The two sides of a negotiation or transfer (DSP 2025-1 §"Roles").</summary>
public enum ProtocolRole
{
    /// <summary>The party that wants the data.</summary>
    Consumer,

    /// <summary>The party that holds the data.</summary>
    Provider,
}

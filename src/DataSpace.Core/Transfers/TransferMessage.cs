namespace DataSpace.Core.Transfers;

/// <summary>The messages that move a transfer (DSP 2025-1 transfer process protocol).</summary>
public enum TransferMessage
{
    /// <summary>TransferRequestMessage, from the consumer.</summary>
    TransferRequest,

    /// <summary>TransferStartMessage: from the provider to start; from either to resume.</summary>
    Start,

    /// <summary>TransferSuspensionMessage, from either party.</summary>
    Suspend,

    /// <summary>TransferCompletionMessage, from either party.</summary>
    Complete,

    /// <summary>TransferTerminationMessage, from either party.</summary>
    Terminate,
}

namespace DataSpace.Cli.Demo.Actions;

/// <summary>Data received under an agreement, named by a transfer's <c>"as"</c>: the transfer id and the consumer that holds it.</summary>
internal sealed record TransferRef(string TransferId, string Consumer);

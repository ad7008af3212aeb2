using DataSpace.Storage;

namespace DataSpace.Connector.Common;

/// <summary>The connector's two blob stores: its own assets (plaintext, provider side) and received data (age-encrypted to itself, consumer side).</summary>
/// <param name="Assets">Assets it offers.</param>
/// <param name="Received">Data it received.</param>
internal sealed record ConnectorStores(IBlobStore Assets, IBlobStore Received);

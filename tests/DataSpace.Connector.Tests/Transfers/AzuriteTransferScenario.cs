using DataSpace.TestSpace;

namespace DataSpace.Connector.Tests.TransferTests;

/// <summary>The transfer scenario with assets and received data in Azure Blob Storage (Azurite).</summary>
public sealed class AzuriteTransferScenario : TransferScenario
{
    protected override SpaceSettings Settings => new() { UseAzurite = true };
}

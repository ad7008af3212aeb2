namespace DataSpace.Connector.Tests.TransferTests;

/// <summary>Tests that measure the process's allocations run alone: other tests running meanwhile would count too.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationMeasurements
{
    public const string Name = "Allocation measurements";
}

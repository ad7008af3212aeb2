namespace DataSpace.Crypto.Tests.Age;

/// <summary>Tests that measure process-wide allocation run alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(AllocationSensitive), DisableParallelization = true)]
public sealed class AllocationSensitive;

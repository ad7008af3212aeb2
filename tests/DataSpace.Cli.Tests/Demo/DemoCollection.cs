namespace DataSpace.Cli.Tests.Demo;

/// <summary>
/// Demo runs start a whole space each and wait for a delete-after deadline: they run one after the
/// other, never beside each other, and the sample story runs once for every test that reads it.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DemoCollection : ICollectionFixture<SampleDemoRun>
{
    public const string Name = "demo";
}

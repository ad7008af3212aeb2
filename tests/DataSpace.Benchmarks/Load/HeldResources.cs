namespace DataSpace.Benchmarks.Load;

/// <summary>What one load client holds for a run, disposed in the order given.</summary>
internal sealed class HeldResources(params IDisposable[] held) : IDisposable
{
    public void Dispose()
    {
        foreach (var d in held)
        {
            d.Dispose();
        }
    }
}

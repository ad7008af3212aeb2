namespace DataSpace.EndToEnd.Tests.Support;

/// <summary>A process of the machine: its id and command line, as <c>ps</c> shows them.</summary>
internal sealed record RunningProcess(int Id, string CommandLine)
{
    public override string ToString() => $"{Id}: {CommandLine}";
}

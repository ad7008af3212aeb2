using DataSpace.Cli.Hosting;

namespace DataSpace.Cli.Demo.Space;

/// <summary>
/// Runs each service as its own process, <c>dataspace broker|connector --config FILE</c> (<c>dataspace
/// demo --processes</c>): the same commands an operator runs, on the configs the workspace keeps.
/// </summary>
internal sealed class ProcessLauncher(ServiceLog log, DataspaceProgram program) : ISpaceLauncher
{
    public string Description => $"one process each: {program.Host} {program.Assembly} broker|connector --config FILE";

    public async Task<IDemoService> StartAsync(ServiceSpec spec, CancellationToken cancellationToken) =>
        await ChildProcessService.StartAsync(program, spec, log, cancellationToken);
}

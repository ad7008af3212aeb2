namespace DataSpace.Cli.Demo.Space;

/// <summary>
/// Starts the services of the demo's space: in this process (<see cref="InProcessLauncher"/>, the
/// default) or each as its own <c>dataspace broker|connector --config FILE</c> process
/// (<see cref="ProcessLauncher"/>, <c>dataspace demo --processes</c>). The story drives both the same
/// way, through the services' public HTTP APIs only.
/// </summary>
internal interface ISpaceLauncher
{
    /// <summary>How the services run, in words, for the demo's header.</summary>
    string Description { get; }

    /// <summary>Starts the service and returns once it answers; its config file is already written.</summary>
    Task<IDemoService> StartAsync(ServiceSpec spec, CancellationToken cancellationToken);
}

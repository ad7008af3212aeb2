using DataSpace.Cli.Hosting;

return await DataSpaceCommandLine.RunAsync(args, CliConsole.FromProcess(), CancellationToken.None);

namespace DataSpace.Benchmarks.Load;

/// <summary>The settings of a negotiation load run, from <c>--name value</c> pairs.</summary>
internal sealed record LoadOptions(Uri Broker, string OperatorTokenFile, string ProviderKeyFile, Uri Provider, string ProviderApiTokenFile, LoadShape Shape)
{
    public static LoadOptions Parse(string[] args)
    {
        var arguments = LoadArguments.Parse(args);
        return new LoadOptions(
            arguments.RequiredBaseUri("broker"),
            arguments.Required("operator-token"),
            arguments.Required("provider-key"),
            arguments.RequiredBaseUri("provider"),
            arguments.Required("provider-api-token"),
            LoadShape.From(arguments));
    }
}

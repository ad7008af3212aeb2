using System.Text.Json;
using System.Text.Json.Nodes;
using DataSpace.Cli.Hosting;

namespace DataSpace.Cli.Policy;

/// <summary>Reads input and data documents: any JSON value, numbers kept exact.</summary>
internal static class PolicyFiles
{
    public static JsonNode? ReadJson(string path)
    {
        var bytes = CliFiles.ReadAllBytes(path);
        try
        {
            return JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false, MaxDepth = 1000 });
        }
        catch (JsonException e)
        {
            throw CliException.Input($"{path} is not valid JSON: {e.Message}", inner: e);
        }
    }
}

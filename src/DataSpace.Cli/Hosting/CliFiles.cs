using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataSpace.Cli.Hosting;

/// <summary>Reading the CLI's input files, with one clear error for each way that can fail.</summary>
internal static class CliFiles
{
    public static FileStream OpenRead(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.Input($"cannot read {path}: {e.Message}", inner: e);
        }
    }

    public static byte[] ReadAllBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.Input($"cannot read {path}: {e.Message}", inner: e);
        }
    }

    /// <summary>Reads a file that must hold one JSON object.</summary>
    public static JsonObject ReadJsonObject(string path)
    {
        var bytes = ReadAllBytes(path);
        try
        {
            return JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false }) as JsonObject
                ?? throw CliException.Input($"{path} does not hold a JSON object.");
        }
        catch (JsonException e)
        {
            throw CliException.Input($"{path} is not valid JSON: {e.Message}", inner: e);
        }
    }

    /// <summary>Reads a passphrase file: its first line, without the line ending.</summary>
    public static string ReadPassphrase(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.Input($"cannot read passphrase file {path}: {e.Message}", inner: e);
        }
        var line = text.Split('\n')[0].TrimEnd('\r');
        if (line.Length == 0)
        {
            throw CliException.Input($"passphrase file {path} is empty.");
        }
        return line;
    }
}

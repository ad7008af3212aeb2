using System.Text.Json.Nodes;
using DataSpace.Cli.Hosting;
using DataSpace.Crypto.Json;

namespace DataSpace.Cli.Signing;

/// <summary>Rejects, before signing, a document that has no canonical form (RFC 8785 needs I-JSON).</summary>
internal static class JsonElementGuard
{
    public static void EnsureCanonicalisable(JsonObject document, string path)
    {
        try
        {
            CanonicalJson.Serialize(document);
        }
        catch (CanonicalJsonException e)
        {
            throw CliException.Input($"{path} cannot be signed: {e.Message}");
        }
    }
}

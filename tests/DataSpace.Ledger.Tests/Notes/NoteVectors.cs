using System.Text.Json;
using DataSpace.Testing;

namespace DataSpace.Ledger.Tests.Notes;

/// <summary>signed-note-and-checkpoint-vectors.json, read in place.</summary>
internal static class NoteVectors
{
    public static readonly JsonElement Root = JsonDocument.Parse(File.ReadAllBytes(RepositoryPaths.ConformanceFile("merkle", "signed-note-and-checkpoint-vectors.json"))).RootElement;

    public static string Get(string section, string name) => Root.GetProperty(section).GetProperty(name).GetString()!;
}

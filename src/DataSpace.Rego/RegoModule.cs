namespace DataSpace.Rego;

/// <summary>
/// One Rego source file and the dialect it is written in. Versions are per module, as in OPA,
/// where a bundle manifest's <c>file_rego_versions</c> lets v0 and v1 files live side by side.
/// </summary>
/// <param name="Name">The file name, used in error locations.</param>
/// <param name="Source">The Rego text.</param>
/// <param name="Version">The dialect this module is parsed as.</param>
public sealed record RegoModule(string Name, string Source, RegoVersion Version = RegoVersion.V1);

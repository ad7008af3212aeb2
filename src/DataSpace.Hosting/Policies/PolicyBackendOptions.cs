namespace DataSpace.Hosting.Policies;

/// <summary>
/// Which policy engine a service asks (configuration section <c>Policy</c>): the embedded Rego
/// engine over a policy directory or bundle, or an OPA server that runs the same files. Either way
/// the files at <see cref="Path"/> are loaded, because their digest is recorded with every decision
/// and the files themselves in the ledger, so an auditor can re-evaluate it.
/// </summary>
public sealed class PolicyBackendOptions
{
    /// <summary>The embedded engine.</summary>
    public const string Embedded = "embedded";

    /// <summary>An OPA server over its REST API.</summary>
    public const string Opa = "opa";

    /// <summary><c>embedded</c> (default) or <c>opa</c>.</summary>
    public string Backend { get; set; } = Embedded;

    /// <summary>
    /// The policy directory or <c>.tar.gz</c> bundle. Default: <c>policies</c> in the current
    /// directory, or, when there is none, the pack beside the program (the installed
    /// <c>dataspace</c> tool carries one), so the services start on working defaults anywhere.
    /// </summary>
    public string Path { get; set; } = DefaultPath(Directory.GetCurrentDirectory(), AppContext.BaseDirectory);

    /// <summary>The default <see cref="Path"/> for a service started in <paramref name="workingDirectory"/> from <paramref name="programDirectory"/>.</summary>
    internal static string DefaultPath(string workingDirectory, string programDirectory)
    {
        const string local = "policies";
        var beside = System.IO.Path.Combine(programDirectory, local);
        return !Directory.Exists(System.IO.Path.Combine(workingDirectory, local)) && Directory.Exists(System.IO.Path.Combine(beside, "dataspace"))
            ? beside
            : local;
    }

    /// <summary>The OPA server's base URL, for the <c>opa</c> backend (e.g. <c>http://opa:8181/</c>).</summary>
    public string? OpaUrl { get; set; }

    /// <summary>What is wrong with these settings, one sentence each; empty when they are usable.</summary>
    public IEnumerable<string> Problems()
    {
        if (Backend is not (Embedded or Opa))
        {
            yield return $"Policy:Backend is \"{Backend}\"; use \"{Embedded}\" or \"{Opa}\".";
        }
        if (!Directory.Exists(Path) && !File.Exists(Path))
        {
            yield return $"Policy:Path \"{System.IO.Path.GetFullPath(Path)}\" is neither a policy directory nor a bundle file.";
        }
        if (Backend == Opa && !Uri.TryCreate(OpaUrl, UriKind.Absolute, out _))
        {
            yield return "Policy:OpaUrl must be the OPA server's absolute URL (e.g. http://127.0.0.1:8181/) when Policy:Backend is opa.";
        }
    }
}

namespace DataSpace.Cli.Tests.Policy;

/// <summary>A policy directory on disk for the policy command tests.</summary>
internal sealed class PolicyFixture : IDisposable
{
    public const string Authz = """
        package authz

        default allow := false

        allow if input.user in data.admins

        names contains n if some n in data.admins
        """;

    private readonly TempDirectory _temp = new();

    public PolicyFixture()
    {
        Directory.CreateDirectory(Policies);
        Write("policies/authz.rego", Authz);
        Write("policies/data.json", """{"admins": ["alice"]}""");
    }

    public string Policies => _temp.File("policies");

    public string Write(string relative, string text)
    {
        var path = _temp.File(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => _temp.Dispose();
}

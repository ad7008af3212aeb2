using System.Text.Json.Nodes;
using DataSpace.Policy.Tests.Support;
using DataSpace.Rego;

namespace DataSpace.Policy.Tests.Bundles;

public sealed class PolicyBundleTests
{
    [Fact]
    public void FromTarGz_WithManifestAndData_LoadsModulesDataAndRevision()
    {
        var archive = TestBundles.TarGz(
            ("/.manifest", """{"revision": "r42", "roots": ["acme"], "rego_version": 1}"""),
            ("/acme/authz.rego", "package acme.authz\nallow if input.user == data.acme.admins[_]"),
            ("/acme/data.json", """{"admins": ["alice"]}"""),
            ("/README.md", "not part of the bundle"));

        var bundle = PolicyBundle.FromTarGz(new MemoryStream(archive));

        Assert.Equal("r42", bundle.Manifest.Revision);
        Assert.Equal(["acme"], bundle.Manifest.Roots);
        Assert.Equal(RegoVersion.V1, bundle.RegoVersion);
        Assert.Equal(["acme/authz.rego"], bundle.Modules.Keys);
        Assert.Equal("alice", bundle.Data["acme"]!["admins"]![0]!.GetValue<string>());
        Assert.Equal([".manifest", "acme/authz.rego", "acme/data.json"], bundle.Files.Select(f => f.Name));
        var decision = EmbeddedPolicyEngine.Create(bundle).Evaluate("acme/authz/allow", new JsonObject { ["user"] = "alice" }, TestContext.Current.CancellationToken);
        Assert.True(decision.IsAllowed);
    }

    [Fact]
    public void FromTarGz_EntryOrderDiffers_SameDigest()
    {
        (string, string)[] files = [("/.manifest", "{}"), ("/x.rego", "package x\np := 1"), ("/y/data.json", "{\"k\": 2}")];

        var one = PolicyBundle.FromTarGz(new MemoryStream(TestBundles.TarGz(files)));
        var other = PolicyBundle.FromTarGz(new MemoryStream(TestBundles.TarGz(files.Reverse().ToArray())));

        Assert.Equal(one.Digest, other.Digest);
    }

    [Fact]
    public void Load_DirectoryAndTarGzOfTheSameFiles_SameDigest()
    {
        using var dir = new TempDirectory();
        dir.Write("pkg/policy.rego", "package pkg\nallow := true");
        dir.Write("pkg/data.json", "{\"a\": 1}");
        dir.Write("notes.txt", "ignored");
        dir.Write(".git/config.rego", "ignored: hidden folder");

        var fromDirectory = PolicyBundle.Load(dir.Path);
        var fromArchive = PolicyBundle.FromTarGz(new MemoryStream(TestBundles.TarGz(("./pkg/data.json", "{\"a\": 1}"), ("./pkg/policy.rego", "package pkg\nallow := true"))));

        Assert.Equal(fromArchive.Digest, fromDirectory.Digest);
        Assert.Equal(2, fromDirectory.Files.Count);
    }

    [Fact]
    public void FromFiles_ManifestRegoVersionZero_CompilesV0Syntax()
    {
        var bundle = PolicyBundle.FromFiles([
            TestBundles.File(".manifest", """{"rego_version": 0}"""),
            TestBundles.File("v0.rego", "package v0\nallow { input.x == 1 }\nnames[n] { n := input.names[_] }"),
        ]);

        var engine = EmbeddedPolicyEngine.Create(bundle);

        Assert.Equal(RegoVersion.V0, bundle.RegoVersion);
        Assert.True(engine.Evaluate("v0/allow", new JsonObject { ["x"] = 1 }, TestContext.Current.CancellationToken).IsAllowed);
        Assert.Equal("[\"a\",\"b\"]", engine.Evaluate("v0/names", JsonNode.Parse("""{"names": ["b", "a"]}"""), TestContext.Current.CancellationToken).Result!.ToJsonString());
    }

    [Fact]
    public void FromFiles_DefaultV0WithoutManifest_UsesTheOption()
    {
        var bundle = PolicyBundle.FromFiles([TestBundles.File("p.rego", "package p\nallow { true }")], new PolicyBundleOptions { DefaultRegoVersion = RegoVersion.V0 });

        Assert.True(EmbeddedPolicyEngine.Create(bundle).Evaluate("p/allow", null, TestContext.Current.CancellationToken).IsAllowed);
    }

    [Fact]
    public void FromFiles_MixedFileRegoVersions_EachModuleKeepsItsVersionAndCompiles()
    {
        var bundle = PolicyBundle.FromFiles([
            TestBundles.File(".manifest", """{"rego_version": 1, "file_rego_versions": {"/legacy/*.rego": 0}}"""),
            TestBundles.File("legacy/old.rego", "package legacy\nallow { true }\nnames[n] { n := input.names[_] }"),
            TestBundles.File("new.rego", "package n\nimport data.legacy\nallow if { legacy.allow; \"a\" in legacy.names }"),
        ]);

        Assert.Equal(RegoVersion.V1, bundle.RegoVersion);
        Assert.Equal(
            [new RegoModule("new.rego", bundle.Modules["new.rego"], RegoVersion.V1), new RegoModule("legacy/old.rego", bundle.Modules["legacy/old.rego"], RegoVersion.V0)],
            bundle.RegoModules.OrderBy(m => m.Name.Length));
        var engine = RegoEngine.Compile(bundle.RegoModules, bundle.Data);
        Assert.Equal(RegoBoolean.True, engine.EvaluateRule("data.n.allow", RegoValue.ParseJson("""{"names": ["a"]}""")));
    }

    [Theory]
    [InlineData("""{"rego_version": 2}""", "rego_version")]
    [InlineData("""{"roots": "acme"}""", "roots")]
    [InlineData("""not json""", "not valid JSON")]
    public void FromFiles_BadManifest_PolicyLoadException(string manifest, string expected)
    {
        var error = Assert.Throws<PolicyLoadException>(() => PolicyBundle.FromFiles([TestBundles.File(".manifest", manifest)]));

        Assert.Contains(expected, error.Message);
        Assert.Equal(".manifest", error.Problems[0].File);
    }

    [Fact]
    public void FromFiles_PackageOutsideRoots_Refused()
    {
        var error = Assert.Throws<PolicyLoadException>(() => PolicyBundle.FromFiles([
            TestBundles.File(".manifest", """{"roots": ["acme"]}"""),
            TestBundles.File("other.rego", "package other\np := 1"),
        ]));

        Assert.Contains("outside the manifest's roots", error.Message);
    }

    [Fact]
    public void FromFiles_ConflictingDataFiles_Refused()
    {
        var error = Assert.Throws<PolicyLoadException>(() => PolicyBundle.FromFiles([
            TestBundles.File("data.json", """{"a": {"b": 1}}"""),
            TestBundles.File("a/data.json", """{"b": 2}"""),
        ]));

        Assert.Contains("conflicts", error.Message);
    }

    [Fact]
    public void FromTarGz_NotGzip_PolicyLoadException()
    {
        var error = Assert.Throws<PolicyLoadException>(() => PolicyBundle.FromTarGz(new MemoryStream("plain text"u8.ToArray())));

        Assert.Contains("not a valid gzip-compressed tar", error.Message);
    }

    [Fact]
    public void FromTarGz_LargerThanBudget_Refused()
    {
        var archive = TestBundles.TarGz(("big.rego", new string('#', 10_000)));

        var error = Assert.Throws<PolicyLoadException>(() => PolicyBundle.FromTarGz(new MemoryStream(archive), new PolicyBundleOptions { MaxBytes = 1_000 }));

        Assert.Contains("exceed", error.Message);
    }

    [Fact]
    public void FromFiles_YamlData_RefusedNotSkipped()
    {
        Assert.Throws<PolicyLoadException>(() => PolicyBundle.FromFiles([TestBundles.File("data.yaml", "a: 1")]));
    }
}

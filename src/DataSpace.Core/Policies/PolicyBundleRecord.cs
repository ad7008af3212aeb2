namespace DataSpace.Core.Policies;

/// <summary>
/// The body of a <c>policy.bundle</c> entry: the files of a policy bundle and their digest, recorded
/// once by each participant that decides with it, so an auditor can re-evaluate every decision
/// that names the digest from the ledger alone.
/// </summary>
/// <param name="Digest">The bundle digest (<c>sha256:…</c>, docs/formats.md).</param>
/// <param name="Files">The files, by bundle path.</param>
public sealed record PolicyBundleRecord(string Digest, IReadOnlyList<PolicyBundleFile> Files)
{
    /// <summary>The entry type.</summary>
    public const string EntryType = "policy.bundle";
}

/// <summary>One file of a recorded bundle.</summary>
/// <param name="Name">Its path in the bundle.</param>
/// <param name="Text">Its UTF-8 content.</param>
public sealed record PolicyBundleFile(string Name, string Text);

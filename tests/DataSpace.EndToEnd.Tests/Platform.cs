// The end-to-end tests need Linux: bash runs README's block, and /proc shows which processes a test left behind.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

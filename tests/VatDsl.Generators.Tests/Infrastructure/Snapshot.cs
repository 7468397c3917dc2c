using System;
using System.IO;
using System.Runtime.CompilerServices;
using Xunit.Sdk;

namespace VatDsl.Generators.Tests.Infrastructure;

/// <summary>
/// Snapshot checks in the manner of Verify: the accepted text is stored as
/// <c>&lt;TestClass&gt;.&lt;TestName&gt;.verified.&lt;ext&gt;</c> beside the test file. A mismatch
/// writes <c>.received.&lt;ext&gt;</c> next to it and fails with a unified diff. Setting the
/// environment variable VATDSL_ACCEPT=1 accepts every received text instead.
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = "VATDSL_ACCEPT";

    public static void Verify(
        string actual,
        string extension = "cs",
        [CallerFilePath] string testFile = "",
        [CallerMemberName] string testName = "")
    {
        string directory = Path.GetDirectoryName(testFile)!;
        string testClass = Path.GetFileNameWithoutExtension(testFile);
        string verifiedPath = Path.Combine(directory, $"{testClass}.{testName}.verified.{extension}");
        string receivedPath = Path.Combine(directory, $"{testClass}.{testName}.received.{extension}");
        actual = actual.Replace("\r\n", "\n");

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(verifiedPath, actual);
            File.Delete(receivedPath);
            return;
        }

        string? expected = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        string message = expected is null
            ? $"No accepted snapshot {verifiedPath}. Review {receivedPath} and rename it, or rerun with {AcceptVariable}=1."
            : $"Snapshot mismatch. Review {receivedPath}; rerun with {AcceptVariable}=1 to accept it.\n" +
              UnifiedDiff.Create(expected, actual, Path.GetFileName(verifiedPath), Path.GetFileName(receivedPath));
        throw new XunitException(message);
    }
}

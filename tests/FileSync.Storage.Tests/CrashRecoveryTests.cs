using FileSync.TestSupport;

namespace FileSync.Storage.Tests;

/// <summary>A real node process killed with SIGKILL in the middle of an upload (SQLite provider).</summary>
public sealed class CrashRecoveryTests
{
    private static string HelperDll()
    {
        // tests/FileSync.Storage.Tests/bin/<config>/<tfm>/ → tests/FileSync.Storage.Tests/CrashHelper/bin/<config>/<tfm>/CrashHelper.dll
        var baseDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var tfm = baseDir.Name;
        var config = baseDir.Parent!.Name;
        var projectDir = baseDir.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(projectDir, "CrashHelper", "bin", config, tfm, "CrashHelper.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"The crash helper was not built at {path}.");
    }

    [Fact]
    public async Task A_node_killed_during_an_upload_keeps_the_previous_version_and_collects_the_leftovers_at_start()
    {
        using var dir = new TempDirectory("storage-crash");
        var settings = StorageFactory.SmallChunks(dir.Path);
        var original = TestData.Random(100_000, 11);
        await using (var node = await NodeStorage.OpenAsync(settings))
        {
            await node.FileSystems.CreateFileSystemAsync("CrashFS");
            await node.FileSystems.PutFileAsync("CrashFS", "/doc.bin", new MemoryStream(original), new Dictionary<string, string>());
        }

        using (var child = ChildProcess.StartDotnet(HelperDll(), dir.Path, "CrashFS", "/doc.bin"))
        {
            await child.WaitForLineAsync(line => line == "UPLOADING", TimeSpan.FromSeconds(25));
            child.KillHard();
            await child.WaitForExitAsync(TimeSpan.FromSeconds(10));
        }
        var packBytesAfterKill = TestData.PackBytes(dir.Path);

        await using (var node = await NodeStorage.OpenAsync(settings))
        {
            var file = await node.FileSystems.GetFileAsync("CrashFS", "/doc.bin");
            Assert.NotNull(file);
            Assert.Equal(original.Length, file.Size);
            Assert.Equal(original, await TestData.ReadAllAsync(node.FileSystems.OpenRead(file)));
            Assert.Single(await node.FileSystems.ListFilesAsync("CrashFS", 0, 10));

            // Only the surviving version's chunks remain indexed, and the killed upload's pack files are gone.
            var (_, bytes) = await node.Chunks.GetStatisticsAsync();
            Assert.Equal(original.Length, bytes);
            var packBytesNow = TestData.PackBytes(dir.Path);
            Assert.True(packBytesAfterKill > 10L * 1024 * 1024, $"the killed upload should have written its chunks (found {packBytesAfterKill} bytes)");
            Assert.True(packBytesNow < 1024 * 1024, $"leftover pack bytes should be collected, found {packBytesNow}");
        }
    }
}

using System.Diagnostics;
using EnergyActors.Tests.Infrastructure;
using Xunit.Abstractions;

namespace EnergyActors.Tests.Deploy;

/// <summary>
/// The silo and gateway images as the .NET SDK builds them (dotnet publish /t:PublishContainer, no Docker daemon) into
/// image archives, on a base image served by a registry on localhost: the archive's manifest, entry point, ports, user,
/// labels and the app's files are what the deploy manifests count on.
/// </summary>
public sealed class ContainerImageTests(ITestOutputHelper output)
{
    private const string BaseRepository = "energyactors-test/base";
    private const string BaseTag = "1";

    [Fact]
    public async Task Silo_and_gateway_publish_as_images_with_their_entry_point_ports_and_user()
    {
        var image = TestBaseImage.Create();
        await using var registry = await LocalBaseImageRegistry.StartAsync(image, BaseRepository, BaseTag);
        var work = Directory.CreateTempSubdirectory("energyactors-images-");
        try
        {
            var silo = await PublishAsync("Silo", registry, work.FullName);
            AssertImage(silo, image, "EnergyActors.Silo", "silo", ["11111/tcp", "30000/tcp", "8081/tcp"]);
            Assert.Contains("Operations__ManagementUrls=http://0.0.0.0:8081", silo.Strings("Env"));

            var gateway = await PublishAsync("Gateway", registry, work.FullName);
            AssertImage(gateway, image, "EnergyActors.Gateway", "gateway", ["8080/tcp", "8081/tcp"]);
            Assert.Contains("Urls=http://0.0.0.0:8080", gateway.Strings("Env"));
            Assert.Contains("Operations__ManagementUrls=http://0.0.0.0:8081", gateway.Strings("Env"));
            Assert.True(registry.BlobPulls >= 2, $"the SDK pulled {registry.BlobPulls} blobs from the local registry");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private async Task<ImageArchive> PublishAsync(string project, LocalBaseImageRegistry registry, string work)
    {
        var archive = Path.Combine(work, $"{project.ToLowerInvariant()}.tar.gz");
        var watch = Stopwatch.StartNew();
        await ShellCommand.RunAsync("dotnet", [
            "publish", Path.Combine(RepositoryPaths.Root, "src", project, $"{project}.csproj"),
            "-c", "Release", "--nologo", "-v", "q", "/t:PublishContainer",
            $"-p:ContainerBaseImage={registry.Image}",
            $"-p:ContainerArchiveOutputPath={archive}",
            "-p:ContainerImageTag=test",
        ], TimeSpan.FromMinutes(10));
        var read = ImageArchive.Read(archive);
        output.WriteLine($"{project}: published in {watch.Elapsed.TotalSeconds:F0} s, {new FileInfo(archive).Length / 1024} KiB {read.Format} archive, "
            + $"entrypoint [{string.Join(' ', read.Strings("Entrypoint"))}], cmd [{string.Join(' ', read.Strings("Cmd"))}], ports [{string.Join(' ', read.ExposedPorts())}]");
        return read;
    }

    private static void AssertImage(ImageArchive archive, TestBaseImage image, string assembly, string component, string[] ports)
    {
        // The base image's layer comes first, unchanged, and its label is inherited: the SDK built on what it pulled.
        Assert.Equal(image.LayerDigest, archive.LayerDigests[0]);
        Assert.Equal("true", archive.Label(TestBaseImage.MarkerLabel));

        // Framework-dependent: "dotnet /app/<assembly>.dll" (or the apphost /app/<assembly> when published for a RID),
        // and the file it runs is in the app's layers.
        string[] command = [.. archive.Strings("Entrypoint"), .. archive.Strings("Cmd")];
        var app = archive.LayerFiles.Skip(1).SelectMany(files => files).ToHashSet();
        Assert.True(
            command.SequenceEqual(["dotnet", $"/app/{assembly}.dll"]) || command.SequenceEqual([$"/app/{assembly}"]),
            $"unexpected command [{string.Join(' ', command)}]");
        Assert.Contains(command[^1].TrimStart('/'), app);
        Assert.Equal("/app", archive.Config.GetProperty("WorkingDir").GetString()?.TrimEnd('/'));
        Assert.Equal(ports.Order(), archive.ExposedPorts());
        Assert.Equal("1654", archive.Config.GetProperty("User").GetString());
        Assert.Equal(component, archive.Label("io.energyactors.component"));
        Assert.Equal($"EnergyActors {component}", archive.Label("org.opencontainers.image.title"));
        Assert.Contains($"app/{assembly}.dll", app);
        Assert.Contains("app/appsettings.json", app);
    }
}

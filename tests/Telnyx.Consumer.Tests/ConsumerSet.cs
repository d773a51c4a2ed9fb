using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Telnyx.Package.Tests;

namespace Telnyx.Consumer.Tests;

/// <summary>
/// Every consumer of <see cref="ConsumerCase.All"/>, through both <see cref="ConsumerKind"/>s, in one temporary
/// folder with one NuGet.config: Telnyx.Generated is packed into a local feed, the set is restored once and built
/// once (one <c>dotnet build</c> of a solution of all of them), and each project's diagnostics and dll are kept.
/// </summary>
public sealed class ConsumerSet : IAsyncLifetime
{
    private static readonly TimeSpan RestoreTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(40);

    private readonly PackageFixture _package = new();
    private readonly Dictionary<string, BuiltConsumer> _consumers = new(StringComparer.Ordinal);

    public static string RepoRoot => PackageFixture.RepoRoot;

    public static string OfficialSpec { get; } = typeof(ConsumerSet).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "OfficialSpec").Value!;

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "telnyx-consumers-" + Guid.NewGuid().ToString("N")[..12]);

    public string Docs => Path.Combine(Root, "docs");

    private string Artifacts => Path.Combine(Root, "artifacts");

    public TimeSpan PackTime { get; private set; }

    public TimeSpan RestoreTime { get; private set; }

    public TimeSpan BuildTime { get; private set; }

    public string BuildOutput { get; private set; } = string.Empty;

    public BuiltConsumer this[ConsumerKind kind, ConsumerCase consumer] => _consumers[consumer.ProjectName(kind)];

    public IReadOnlyCollection<BuiltConsumer> Consumers => _consumers.Values;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(OfficialSpec), $"The official Telnyx document is not at '{OfficialSpec}'. Set TELNYX_OFFICIAL_SPEC to its path.");
        var clock = Stopwatch.StartNew();
        await _package.InitializeAsync();
        PackTime = clock.Elapsed;

        Directory.CreateDirectory(Docs);
        File.WriteAllText(Path.Combine(Docs, "dangling.json"), DerivedDocuments.Dangling(OfficialSpec));
        File.WriteAllText(Path.Combine(Docs, "openapi30.json"), DerivedDocuments.OpenApi30(OfficialSpec));
        File.WriteAllText(Path.Combine(Docs, "no-webhooks.json"), DerivedDocuments.NoWebhooks(OfficialSpec));
        File.WriteAllText(Path.Combine(Docs, "hash-tag.json"), DerivedDocuments.HashInTag(OfficialSpec));
        WriteSetFiles();
        foreach (var kind in Enum.GetValues<ConsumerKind>())
        {
            foreach (var consumer in ConsumerCase.All)
            {
                var project = WriteProject(kind, consumer);
                _consumers[consumer.ProjectName(kind)] = new BuiltConsumer(kind, consumer, project,
                    Path.Combine(Artifacts, "bin", consumer.ProjectName(kind), "debug", consumer.ProjectName(kind) + ".dll"));
            }
        }
        File.WriteAllText(Path.Combine(Root, "consumers.slnx"),
            "<Solution>\n" + string.Concat(_consumers.Values.Select(c => $"  <Project Path=\"{Path.GetRelativePath(Root, c.ProjectFile)}\" />\n")) + "</Solution>\n");

        clock.Restart();
        var restore = await DotNet.RunAsync(Root, RestoreTimeout, "restore", "consumers.slnx", "--artifacts-path", Artifacts, "-nologo", "-v:minimal");
        restore.AssertSuccess("dotnet restore of the consumer set");
        RestoreTime = clock.Elapsed;

        clock.Restart();
        // One build of all of them; the strict cases are meant to fail, so the exit code says nothing on its own.
        var build = await DotNet.RunAsync(Root, BuildTimeout, "build", "consumers.slnx", "--no-restore", "--artifacts-path", Artifacts,
            "-nologo", "-v:minimal", "-m:2", "-p:UseSharedCompilation=false");
        BuildTime = clock.Elapsed;
        BuildOutput = build.Output;
        var diagnostics = BuildDiagnostic.Parse(build.Output);
        foreach (var consumer in _consumers.Values)
        {
            consumer.Diagnostics = diagnostics.Where(d => d.IsFrom(consumer.ProjectFile)).ToList();
        }
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        await _package.DisposeAsync();
    }

    /// <summary>One NuGet.config (the local feed on top of the configured ones) and empty Directory.Build.* files.</summary>
    private void WriteSetFiles()
    {
        File.WriteAllText(Path.Combine(Root, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="telnyx-local" value="{_package.Feed}" />
              </packageSources>
            </configuration>
            """);
        // They stop MSBuild from walking up into whatever folder holds the temporary one.
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(Root, "Directory.Packages.props"), "<Project />");
    }

    private string WriteProject(ConsumerKind kind, ConsumerCase consumer)
    {
        var name = consumer.ProjectName(kind);
        var dir = Path.Combine(Root, name);
        Directory.CreateDirectory(dir);
        var items = consumer.Items(kind)
            .Replace("{bundled}", kind == ConsumerKind.ProjectReference ? Path.Combine(RepoRoot, "specs", "telnyx-voice-conferencing.json") : "$(TelnyxBundledSpecPath)", StringComparison.Ordinal)
            .Replace("{official}", OfficialSpec, StringComparison.Ordinal)
            .Replace("{docs}", Docs, StringComparison.Ordinal);
        if (consumer.GlobalConfig is { } config)
        {
            File.WriteAllText(Path.Combine(dir, "telnyx.globalconfig"), config);
            items += "    <GlobalAnalyzerConfigFiles Include=\"telnyx.globalconfig\" />\n";
        }
        var generator = kind == ConsumerKind.ProjectReference
            ? $"""
                <ProjectReference Include="{Path.Combine(RepoRoot, "generator", "Telnyx.Generator", "Telnyx.Generator.csproj")}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                <ProjectReference Include="{Path.Combine(RepoRoot, "runtime", "Telnyx.Runtime", "Telnyx.Runtime.csproj")}" />
              """
            : $"""    <PackageReference Include="Telnyx.Generated" Version="{_package.Version}" />""";
        var import = kind == ConsumerKind.ProjectReference
            ? $"""  <Import Project="{Path.Combine(RepoRoot, "generator", "Telnyx.Generator", "build", "Telnyx.Generated.props")}" />"""
            : "";
        var file = Path.Combine(dir, name + ".csproj");
        File.WriteAllText(file, $"""
            <Project Sdk="{consumer.Sdk}">
            {import}
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <IsAotCompatible>true</IsAotCompatible>
                <EnableTrimAnalyzer>true</EnableTrimAnalyzer>
                <EnableAotAnalyzer>true</EnableAotAnalyzer>
                {consumer.Properties}
              </PropertyGroup>
              <ItemGroup>
            {generator}
                {items}
                {consumer.PackageReferences}
              </ItemGroup>
            </Project>
            """);
        // Source that uses each generated client, so the generated code is compiled against real use.
        var uses = string.Concat(consumer.Namespaces.Select((ns, i) =>
            $"    public static global::{ns}.TelnyxClient Client{i}() => new global::{ns}.TelnyxClient(new global::Telnyx.Runtime.TelnyxClientOptions {{ ApiKey = \"KEY-unused\" }});\n"));
        File.WriteAllText(Path.Combine(dir, "Use.cs"), $"namespace Consumer;\n\npublic static class Use\n{{\n{uses}}}\n");
        if (consumer.Program is { } program) File.WriteAllText(Path.Combine(dir, "Program.cs"), program);
        return file;
    }
}

/// <summary>One consumer after the set's build: what the build said about it, and its dll when it built.</summary>
public sealed class BuiltConsumer(ConsumerKind kind, ConsumerCase consumer, string projectFile, string dll)
{
    public ConsumerKind Kind { get; } = kind;

    public ConsumerCase Case { get; } = consumer;

    public string ProjectFile { get; } = projectFile;

    public string Dll { get; } = dll;

    public IReadOnlyList<BuildDiagnostic> Diagnostics { get; internal set; } = Array.Empty<BuildDiagnostic>();

    public IEnumerable<BuildDiagnostic> Errors => Diagnostics.Where(d => d.Severity == "error");

    public IEnumerable<BuildDiagnostic> Warnings => Diagnostics.Where(d => d.Severity == "warning");

    /// <summary>Built: no error reported for it, and its dll exists (the artifacts folder started empty).</summary>
    public bool Succeeded => !Errors.Any() && File.Exists(Dll);

    public string Describe() => $"{Kind}.{Case.Name}: " + (Succeeded ? "built" : "failed") + "\n" + BuildDiagnostic.Describe(Diagnostics);

    public BuiltAssembly Read()
    {
        Assert.True(Succeeded, Describe());
        return BuiltAssembly.Read(Dll);
    }
}

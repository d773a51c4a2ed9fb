using System;
using System.Collections.Concurrent;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Telnyx.Package.Tests;

/// <summary>The packed Telnyx.Generated, as a user gets it: layout, then fresh consumers that reference only the package.</summary>
public sealed class PackageTests : IClassFixture<PackageFixture>
{
    private const string ApiKey = "KEYpackage-test-0123456789";
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(4);
    private readonly PackageFixture _package;

    public PackageTests(PackageFixture package) => _package = package;

    [Fact]
    public void PackageHoldsRuntimeGeneratorBuildFilesAndDefaultSpec()
    {
        string[] expected =
        [
            "lib/net10.0/Telnyx.Runtime.dll",
            "lib/net10.0/Telnyx.Runtime.xml",
            "analyzers/dotnet/cs/Telnyx.Generator.dll",
            "analyzers/dotnet/cs/Microsoft.OpenApi.dll",
            "buildTransitive/Telnyx.Generated.props",
            "buildTransitive/Telnyx.Generated.targets",
            "specs/telnyx-voice-conferencing.json",
            "README.md",
        ];
        foreach (var entry in expected)
        {
            Assert.Contains(entry, _package.Entries);
        }
        // Nothing of the generator leaks into lib/ (it would become a runtime reference of the consumer).
        Assert.DoesNotContain(_package.Entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && e.Contains("Generator", StringComparison.Ordinal));

        using var zip = ZipFile.OpenRead(_package.PackagePath);
        using var reader = new StreamReader(zip.GetEntry("Telnyx.Generated.nuspec")!.Open());
        var nuspec = reader.ReadToEnd();
        Assert.Contains("<license type=\"expression\">MIT</license>", nuspec, StringComparison.Ordinal);
        Assert.Contains("<readme>README.md</readme>", nuspec, StringComparison.Ordinal);
        Assert.Contains("<repository type=\"git\"", nuspec, StringComparison.Ordinal);
        Assert.Contains("id=\"Microsoft.Extensions.Http\"", nuspec, StringComparison.Ordinal);
        // Webhook verification is libsodium through NSec; its libsodium package brings the native library to consumers.
        Assert.Contains("id=\"NSec.Cryptography\" version=\"26.4.0\"", nuspec, StringComparison.Ordinal);
        Assert.DoesNotContain("Telnyx.Generator\"", nuspec, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.ChangeExtension(_package.PackagePath, ".snupkg")), "no symbol package beside the package");
    }

    [Fact]
    public async Task ConsumersBuildCleanFromThePackageDefaultSpecCallsLoopbackServerOwnSpecReplacesDefault()
    {
        var queue = CannedResponse.Data("""{"id":"q-1","name":"support","current_size":0,"max_size":10,"record_type":"queue"}""");
        await using var server = (await FakeTelnyxServer.StartScriptedAsync()).Enqueue(queue, queue);
        var baseUrl = server.BaseUrl.ToString();

        var defaultSpec = Consumer.Create(_package, "DefaultSpec", DefaultSpecProgram, extraItems: string.Empty, extraProperties: string.Empty);
        var ownSpec = Consumer.Create(_package, "OwnSpec", OwnSpecProgram,
            extraItems: """<AdditionalFiles Include="widgets.json" TelnyxSpec="true" />""",
            extraProperties: "<TelnyxNamespace>My.Widgets</TelnyxNamespace>");
        File.WriteAllText(Path.Combine(ownSpec.Directory, "widgets.json"), WidgetsSpec);

        // Both builds at once: each is a fresh restore from the local feed plus a compile with the packaged generator.
        var builds = await Task.WhenAll(defaultSpec.BuildAsync(BuildTimeout), ownSpec.BuildAsync(BuildTimeout));
        foreach (var build in builds)
        {
            build.AssertSuccess("dotnet build of a consumer");
            Assert.Contains(" 0 Warning(s)", build.Output, StringComparison.Ordinal);
            Assert.Contains(" 0 Error(s)", build.Output, StringComparison.Ordinal);
        }

        // The default consumer got the bundled document: the queue client exists and talks to the server.
        Assert.Contains(defaultSpec.GeneratedFiles(), f => f.EndsWith("Telnyx.QueuesResource.g.cs", StringComparison.Ordinal));
        var run = await DotNet.RunAsync(defaultSpec.Directory, TimeSpan.FromMinutes(1), defaultSpec.OutputDll, baseUrl, ApiKey);
        run.AssertSuccess("the default-spec consumer");
        Assert.Contains("created q-1 support", run.Output, StringComparison.Ordinal);
        Assert.Contains("di q-1 support", run.Output, StringComparison.Ordinal);
        Assert.Equal(2, server.RequestCount);
        Assert.All(server.Requests, r =>
        {
            Assert.Equal("POST", r.Method);
            Assert.Equal("/v2/queues", r.Path);
            Assert.Equal("Bearer " + ApiKey, r.Header("Authorization"));
            Assert.Contains("\"queue_name\":\"support\"", r.BodyText, StringComparison.Ordinal);
        });

        // The consumer's own document replaced the bundled one: its types exist, none of the bundled ones do.
        var ownFiles = ownSpec.GeneratedFiles();
        Assert.Contains(ownFiles, f => f.EndsWith("My.Widgets.Widget.g.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(ownFiles, f => f.Contains("Queue", StringComparison.Ordinal));
        var ownRun = await DotNet.RunAsync(ownSpec.Directory, TimeSpan.FromMinutes(1), ownSpec.OutputDll);
        ownRun.AssertSuccess("the own-spec consumer");
        Assert.Contains("widget w-1", ownRun.Output, StringComparison.Ordinal);
    }

    private const string DefaultSpecProgram = """
        using System;
        using System.Threading.Tasks;
        using Microsoft.Extensions.DependencyInjection;
        using Telnyx;
        using Telnyx.Runtime;

        internal static class Program
        {
            private static async Task<int> Main(string[] args)
            {
                var baseUrl = new Uri(args[0]);
                using (var client = new TelnyxClient(new TelnyxClientOptions { ApiKey = args[1], BaseUrl = baseUrl, Retry = { MaxRetries = 0 } }))
                {
                    Queue queue = await client.Queues.CreateAsync(new CreateQueueRequest { QueueName = "support", MaxSize = 10 });
                    Console.WriteLine($"created {queue.Id} {queue.Name}");
                }

                var services = new ServiceCollection();
                services.AddTelnyxClient(core => new TelnyxClient(core), options =>
                {
                    options.ApiKey = args[1];
                    options.BaseUrl = baseUrl;
                });
                using var provider = services.BuildServiceProvider();
                var fromContainer = provider.GetRequiredService<TelnyxClient>();
                Queue again = await fromContainer.Queues.CreateAsync(new CreateQueueRequest { QueueName = "support" });
                Console.WriteLine($"di {again.Id} {again.Name}");
                return 0;
            }
        }
        """;

    private const string OwnSpecProgram = """
        using System;

        internal static class Program
        {
            private static int Main()
            {
                var widget = new My.Widgets.Widget { Id = "w-1", Size = 3 };
                using var client = new My.Widgets.TelnyxClient(new Telnyx.Runtime.TelnyxClientOptions { ApiKey = "unused" });
                Console.WriteLine($"widget {widget.Id} {client.GetType().FullName}");
                return 0;
            }
        }
        """;

    private const string WidgetsSpec = """
        {
          "openapi": "3.1.0",
          "info": { "title": "Widgets", "version": "1.0.0" },
          "paths": {
            "/widgets/{widget_id}": {
              "get": {
                "operationId": "RetrieveWidget",
                "tags": [ "Widgets" ],
                "parameters": [ { "name": "widget_id", "in": "path", "required": true, "schema": { "type": "string" } } ],
                "responses": {
                  "200": {
                    "description": "The widget.",
                    "content": { "application/json": { "schema": { "type": "object", "properties": { "data": { "$ref": "#/components/schemas/Widget" } } } } }
                  }
                }
              }
            }
          },
          "components": {
            "schemas": {
              "Widget": { "type": "object", "properties": { "id": { "type": "string" }, "size": { "type": "integer" } } }
            }
          }
        }
        """;
}

using System;
using System.Collections.Generic;

namespace Telnyx.Consumer.Tests;

/// <summary>
/// One consumer project, written once per <see cref="ConsumerKind"/>: its extra MSBuild properties, its spec items,
/// and the namespaces whose <c>TelnyxClient</c> its source uses. Item text may name <c>{bundled}</c> (the bundled
/// conferencing document: the repository's file, or the package's <c>$(TelnyxBundledSpecPath)</c>), <c>{official}</c>
/// and <c>{docs}</c> (the folder of derived documents). <see cref="GlobalConfig"/>, when set, is written beside the
/// project and passed as a global analyzer config.
/// </summary>
/// <see cref="Sdk"/> is the project SDK, <see cref="PackageReferences"/> extra package items, and <see cref="Program"/>, when
/// set, a source file of its own (an ASP.NET Core app) written beside the one that uses each client.
public sealed record ConsumerCase(string Name, string Properties, Func<ConsumerKind, string> Items, IReadOnlyList<string> Namespaces, string? GlobalConfig = null,
    string Sdk = "Microsoft.NET.Sdk", string PackageReferences = "", string? Program = null)
{
    /// <summary>The README's conferencing selection, exactly as the README writes it (selectors separated by ';').</summary>
    public const string ReadmeInclude = "tag:Conference Commands;tag:Queue Commands;path:/calls/{call_control_id}/actions/enqueue;path:/calls/{call_control_id}/actions/leave_queue;webhook:callEnqueued;webhook:callLeftQueue;webhook:conference*";

    /// <summary>Selectors that cannot match: an unknown tag, an unknown kind (read as a tag), and empty values.</summary>
    public const string MalformedSelectors = "tag:No Such Tag;bogus:value;tag:;path:;webhook:";

    public static readonly ConsumerCase Default = new("Default", "",
        kind => kind == ConsumerKind.ProjectReference ? Spec("{bundled}") : "", ["Telnyx"]);

    public static readonly ConsumerCase IncludeProperty = new("IncludeProperty", Property("TelnyxInclude", ReadmeInclude),
        _ => Spec("{official}"), ["Telnyx"]);

    public static readonly ConsumerCase IncludeMetadata = new("IncludeMetadata", "",
        _ => Spec("{official}", $"TelnyxInclude=\"{ReadmeInclude}\""), ["Telnyx"]);

    public static readonly ConsumerCase Namespace = new("Namespace", Property("TelnyxNamespace", "My.Telnyx"),
        kind => kind == ConsumerKind.ProjectReference ? Spec("{bundled}") : "", ["My.Telnyx"]);

    public static readonly ConsumerCase TwoSpecs = new("TwoSpecs", "",
        _ => Spec("{bundled}", "TelnyxNamespace=\"Conf.A\"") + Spec("{official}", "TelnyxNamespace=\"Queues.B\" TelnyxInclude=\"tag:Queue Commands\""),
        ["Conf.A", "Queues.B"]);

    public static readonly ConsumerCase Official = new("Official", "", _ => Spec("{official}"), ["Telnyx"]);

    public static readonly ConsumerCase Dangling = new("Dangling", Property("TelnyxInclude", ReadmeInclude),
        _ => Spec("{docs}/dangling.json"), ["Telnyx"]);

    public static readonly ConsumerCase DanglingStrict = new("DanglingStrict", Property("TelnyxInclude", ReadmeInclude) + Property("TelnyxStrict", "true"),
        _ => Spec("{docs}/dangling.json"), ["Telnyx"]);

    /// <summary>
    /// Strict mode with explicit severities in a global analyzer config: they win, so the build passes. (In the default
    /// mode a global config cannot raise these IDs to errors: WarningsNotAsErrors resets them, dotnet/roslyn#70570.)
    /// </summary>
    public static readonly ConsumerCase DanglingStrictGlobalConfig = new("DanglingStrictGlobalConfig",
        Property("TelnyxInclude", ReadmeInclude) + Property("TelnyxStrict", "true"),
        _ => Spec("{docs}/dangling.json"), ["Telnyx"],
        "is_global = true\ndotnet_diagnostic.TLX0004.severity = suggestion\ndotnet_diagnostic.TLX0007.severity = suggestion\n");

    public static readonly ConsumerCase OpenApi30 = new("OpenApi30", Property("TelnyxInclude", ReadmeInclude),
        _ => Spec("{docs}/openapi30.json"), ["Telnyx"]);

    public static readonly ConsumerCase OpenApi30Strict = new("OpenApi30Strict", Property("TelnyxInclude", ReadmeInclude) + Property("TelnyxStrict", "true"),
        _ => Spec("{docs}/openapi30.json"), ["Telnyx"]);

    public static readonly ConsumerCase NoWebhooks = new("NoWebhooks", Property("TelnyxInclude", ReadmeInclude),
        _ => Spec("{docs}/no-webhooks.json"), ["Telnyx"]);

    public static readonly ConsumerCase MalformedSelector = new("MalformedSelector", Property("TelnyxInclude", ReadmeInclude + ";" + MalformedSelectors),
        _ => Spec("{official}"), ["Telnyx"]);

    public static readonly ConsumerCase HashInSelector = new("HashInSelector",
        Property("TelnyxInclude", ReadmeInclude.Replace("tag:Queue Commands", "tag:" + DerivedDocuments.HashTag, StringComparison.Ordinal)),
        _ => Spec("{docs}/hash-tag.json"), ["Telnyx"]);

    /// <summary>The slice of the bundled document the web case generates: the queue operations and two events keep its build small.</summary>
    public const string WebInclude = "tag:Queue Commands;webhook:callEnqueued;webhook:callLeftQueue";

    /// <summary>The Redis cache package the web case references (10.0.14 pulls StackExchange.Redis 2.7.27).</summary>
    public const string RedisCachePackage = """<PackageReference Include="Microsoft.Extensions.Caching.StackExchangeRedis" Version="10.0.14" />""";

    /// <summary>
    /// An ASP.NET Core app (Microsoft.NET.Sdk.Web) with the Redis cache: the client and the webhook receiver registered
    /// through the generated DI extensions, deduplication in Redis, and the generated endpoint mapped.
    /// </summary>
    public static readonly ConsumerCase Web = new("Web", Property("TelnyxInclude", WebInclude),
        kind => kind == ConsumerKind.ProjectReference ? Spec("{bundled}") : "", ["Telnyx"],
        Sdk: "Microsoft.NET.Sdk.Web", PackageReferences: RedisCachePackage, Program: """
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            using Telnyx;
            using Telnyx.Runtime;

            var builder = WebApplication.CreateSlimBuilder(args);
            builder.Services.AddTelnyxClient();
            builder.Services.AddStackExchangeRedisCache(options => options.Configuration = "127.0.0.1:6379");
            builder.Services.AddTelnyxWebhooks<QueueHandler>(options => options.MaxBodyBytes = 128 * 1024).UseRedisDeduplication("consumer:");
            var app = builder.Build();
            app.MapTelnyxWebhooks("/webhooks/telnyx");
            app.Run();

            public sealed class QueueHandler : TelnyxWebhookHandler
            {
                public override ValueTask OnCallEnqueuedAsync(CallEnqueuedEvent webhookEvent, TelnyxWebhookContext context, CancellationToken cancellationToken) => default;

                public override ValueTask OnCallLeftQueueAsync(CallLeftQueueEvent webhookEvent, TelnyxWebhookContext context, CancellationToken cancellationToken) => default;
            }
            """);

    public static IReadOnlyList<ConsumerCase> All { get; } =
    [
        Default, IncludeProperty, IncludeMetadata, Namespace, TwoSpecs, Official,
        Dangling, DanglingStrict, DanglingStrictGlobalConfig, OpenApi30, OpenApi30Strict, NoWebhooks, MalformedSelector, HashInSelector, Web,
    ];

    public string ProjectName(ConsumerKind kind) => kind + "." + Name;

    private static string Spec(string include, string metadata = "")
        => $"""<AdditionalFiles Include="{include}" TelnyxSpec="true" {metadata} />""" + "\n";

    private static string Property(string name, string value) => $"<{name}>{value}</{name}>\n";
}

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
public sealed record ConsumerCase(string Name, string Properties, Func<ConsumerKind, string> Items, IReadOnlyList<string> Namespaces, string? GlobalConfig = null)
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

    public static IReadOnlyList<ConsumerCase> All { get; } =
    [
        Default, IncludeProperty, IncludeMetadata, Namespace, TwoSpecs, Official,
        Dangling, DanglingStrict, DanglingStrictGlobalConfig, OpenApi30, OpenApi30Strict, NoWebhooks, MalformedSelector, HashInSelector,
    ];

    public string ProjectName(ConsumerKind kind) => kind + "." + Name;

    private static string Spec(string include, string metadata = "")
        => $"""<AdditionalFiles Include="{include}" TelnyxSpec="true" {metadata} />""" + "\n";

    private static string Property(string name, string value) => $"<{name}>{value}</{name}>\n";
}

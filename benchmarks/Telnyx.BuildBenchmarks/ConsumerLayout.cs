using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Telnyx.BuildBenchmarks;

public enum Tool
{
    Ours,
    Kiota,
}

/// <summary>
/// The consumer projects of one case, written into the temp folder: either one app that holds the SDK
/// (<see cref="InLibrary"/> false: our generator or Kiota's sources compile with the app), or an SDK class library
/// plus an app that references it (the edit loop of README "Keeping a whole-document SDK in its own library").
/// Every project: net10.0, Debug, nullable, TreatWarningsAsErrors, implicit usings off, and the trim/AOT analyzers
/// on or off (IsAotCompatible).
/// </summary>
public sealed class ConsumerLayout
{
    public const string KiotaNamespace = "KiotaSdk.Client";
    public const string KiotaClientClass = "TelnyxKiotaClient";

    private static readonly string[] KiotaPackages =
    {
        "Microsoft.Kiota.Abstractions", "Microsoft.Kiota.Http.HttpClientLibrary", "Microsoft.Kiota.Serialization.Json",
        "Microsoft.Kiota.Serialization.Text", "Microsoft.Kiota.Serialization.Form", "Microsoft.Kiota.Serialization.Multipart",
    };

    private int _edits;

    public ConsumerLayout(string projectsRoot, Tool tool, BenchDocument document, bool aot, bool inLibrary, string telnyxVersion, string kiotaRuntimeVersion)
    {
        Tool = tool;
        Document = document;
        Aot = aot;
        InLibrary = inLibrary;
        Name = NameOf(tool, document, aot, inLibrary);
        Root = Path.Combine(projectsRoot, Name);
        AppDir = Path.Combine(Root, "App");
        SdkDir = inLibrary ? Path.Combine(Root, "Sdk") : AppDir;
        Directory.CreateDirectory(AppDir);
        Directory.CreateDirectory(SdkDir);

        var sdkItems = tool == Tool.Ours ? OursItems(document, telnyxVersion, inLibrary) : KiotaItems(kiotaRuntimeVersion);
        var sdkProperties = tool == Tool.Ours && document.TelnyxInclude is { } include
            ? $"    <TelnyxInclude>{System.Security.SecurityElement.Escape(include)}</TelnyxInclude>\n"
            : "";
        if (inLibrary)
        {
            File.WriteAllText(Path.Combine(SdkDir, "Sdk.csproj"), Project("Library", sdkProperties, sdkItems));
            File.WriteAllText(Path.Combine(AppDir, "App.csproj"), Project("Exe", "", "    <ProjectReference Include=\"../Sdk/Sdk.csproj\" />\n"));
        }
        else
        {
            File.WriteAllText(Path.Combine(AppDir, "App.csproj"), Project("Exe", sdkProperties, sdkItems));
        }
        File.WriteAllText(Path.Combine(AppDir, "Program.cs"), ProgramText());
        Edit();
    }

    public static string NameOf(Tool tool, BenchDocument document, bool aot, bool inLibrary) =>
        $"{(tool == Tool.Ours ? "ours" : "kiota")}-{document.Name}-{(aot ? "aot" : "noaot")}{(inLibrary ? "-lib" : "")}";

    public Tool Tool { get; }

    public BenchDocument Document { get; }

    public bool Aot { get; }

    public bool InLibrary { get; }

    public string Name { get; }

    public string Root { get; }

    public string AppDir { get; }

    /// <summary>Where Kiota's sources go (Client/ under the project that compiles them).</summary>
    public string SdkDir { get; }

    public string KiotaOutput => Path.Combine(SdkDir, "Client");

    public string AppProject => Path.Combine(AppDir, "App.csproj");

    /// <summary>The one app file an edit changes: a constant the program returns, so the change reaches the IL.</summary>
    public string EditFile => Path.Combine(AppDir, "Edit.cs");

    public void Edit()
    {
        _edits++;
        File.WriteAllText(EditFile, $"namespace App;\n\ninternal static class Edit\n{{\n    public const int Value = {_edits % 100};\n}}\n");
    }

    /// <summary>obj/ and bin/ of every project deleted: the next build restores and compiles from nothing.</summary>
    public void Clean()
    {
        foreach (var dir in new[] { AppDir, SdkDir }.Distinct())
        {
            foreach (var sub in new[] { "obj", "bin" })
            {
                var path = Path.Combine(dir, sub);
                if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
            }
        }
    }

    private string Project(string outputType, string properties, string items) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>{outputType}</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>disable</ImplicitUsings>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            <IsAotCompatible>{(Aot ? "true" : "false")}</IsAotCompatible>
        {properties}  </PropertyGroup>
          <ItemGroup>
        {items}  </ItemGroup>
        </Project>

        """;

    private static string OursItems(BenchDocument document, string version, bool inLibrary)
    {
        // In the library, the analyzer and the build files stay private: the app gets the runtime and the SDK's
        // types, never a second generator run (nor the bundled spec the package's targets would add).
        var privateAssets = inLibrary ? " PrivateAssets=\"analyzers;build;buildTransitive;contentFiles\"" : "";
        var items = $"    <PackageReference Include=\"Telnyx.Generated\" Version=\"{version}\"{privateAssets} />\n";
        if (!document.UseBundledSpec) items += $"    <AdditionalFiles Include=\"{document.SpecPath}\" TelnyxSpec=\"true\" />\n";
        return items;
    }

    private static string KiotaItems(string version) =>
        string.Concat(KiotaPackages.Select(p => $"    <PackageReference Include=\"{p}\" Version=\"{version}\" />\n"));

    private string ProgramText() => Tool == Tool.Ours
        ? """
          namespace App;

          public static class Program
          {
              public static int Main()
              {
                  var client = new global::Telnyx.TelnyxClient(new global::Telnyx.Runtime.TelnyxClientOptions { ApiKey = "KEY-unused" });
                  System.Console.WriteLine(client.GetType().FullName);
                  return Edit.Value;
              }
          }

          """
        : $$"""
          namespace App;

          public static class Program
          {
              public static int Main()
              {
                  var adapter = new global::Microsoft.Kiota.Http.HttpClientLibrary.HttpClientRequestAdapter(
                      new global::Microsoft.Kiota.Abstractions.Authentication.AnonymousAuthenticationProvider());
                  var client = new global::{{KiotaNamespace}}.{{KiotaClientClass}}(adapter);
                  System.Console.WriteLine(client.GetType().FullName);
                  return Edit.Value;
              }
          }

          """;
}

using System;
using System.IO;
using System.Threading.Tasks;

namespace Telnyx.Package.Tests;

/// <summary>A fresh console project in the fixture's temporary directory that references only Telnyx.Generated.</summary>
public sealed class Consumer
{
    private Consumer(string directory, string name)
    {
        Directory = directory;
        Name = name;
    }

    public string Directory { get; }

    public string Name { get; }

    public string OutputDll => Path.Combine(Directory, "bin", "Debug", "net10.0", Name + ".dll");

    public static Consumer Create(PackageFixture package, string name, string program, string extraItems, string extraProperties)
    {
        var dir = Path.Combine(package.Root, name);
        System.IO.Directory.CreateDirectory(dir);
        // The local feed plus the user's usual sources (for Microsoft.Extensions.* and the rest).
        File.WriteAllText(Path.Combine(dir, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="telnyx-local" value="{package.Feed}" />
              </packageSources>
            </configuration>
            """);
        // Empty Directory.Build.* files stop MSBuild from walking up into whatever directory holds the temp folder.
        File.WriteAllText(Path.Combine(dir, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(dir, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(dir, "Directory.Packages.props"), "<Project />");
        File.WriteAllText(Path.Combine(dir, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <IsAotCompatible>true</IsAotCompatible>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
                {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Telnyx.Generated" Version="{package.Version}" />
                {extraItems}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(dir, "Program.cs"), program);
        return new Consumer(dir, name);
    }

    public Task<DotNet.Result> BuildAsync(TimeSpan timeout)
        => DotNet.RunAsync(Directory, timeout, "build", "-nologo", "-v:minimal", "-clp:Summary", "-p:UseSharedCompilation=false");

    public string[] GeneratedFiles()
    {
        var root = Path.Combine(Directory, "obj", "Debug", "net10.0", "generated");
        return System.IO.Directory.Exists(root)
            ? System.IO.Directory.GetFiles(root, "*.g.cs", SearchOption.AllDirectories)
            : Array.Empty<string>();
    }
}
